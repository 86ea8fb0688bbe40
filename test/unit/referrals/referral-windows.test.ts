import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES, type ReferralClose, type ReferralRow } from '../../../src/domain/referrals/referral-repository.js';
import type { OnCallNow } from '../../../src/domain/rosters/on-call.js';
import type { TrackInput } from '../../../src/domain/escalation/escalation-port.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createOpenReferral } from '../../../src/usecases/referrals/open-referral.js';
import { referralEscalationKind } from '../../../src/usecases/referrals/referral-escalation.js';
import type { ReferralEvent } from '../../../src/usecases/referrals/referral-notices.js';

const MIN = 60_000;
const windowMs = { emergency: 5 * MIN, urgent: 30 * MIN, routine: 240 * MIN };

/** The referral use cases over in-memory fakes: an on-call port, a referral store, a recording escalation and notices. */
function world(onCall: Record<string, Partial<OnCallNow>>, opts: { ding?: boolean } = {}) {
  const rows = new Map<string, ReferralRow>();
  const tracked: TrackInput[] = [];
  const told: { to: string; ding?: boolean; event?: ReferralEvent['kind']; handedOnFrom?: string }[] = [];
  const clock = new ManualClock();
  const repo = {
    insert: async (r: Parameters<Parameters<typeof createOpenReferral>[0]['repo']['insert']>[0]) => void rows.set(r.id, { status: 'sent', reason: null, triggerRuleId: null, triggerItemType: null, triggerItemId: null, declineReason: null, grantId: null, seenAt: null, escalatedAt: null, acceptedAt: null, declinedAt: null, cancelledAt: null, ...r } as ReferralRow),
    find: async (id: string) => rows.get(id),
    openCounts: async () => new Map<string, number>(),
    reassign: async (id: string, from: string | null, to: string, at: number) => {
      const r = rows.get(id)!;
      if (r.assigneeId !== from) return false;
      rows.set(id, { ...r, assigneeId: to, status: 'escalated', escalatedAt: at });
      return true;
    },
    close: async (id: string, c: ReferralClose) => {
      const r = rows.get(id)!;
      if (!(OPEN_STATUSES as readonly string[]).includes(r.status)) return false;
      rows.set(id, { ...r, status: c.status });
      return true;
    },
  };
  const routing = {
    onCall: { onCallAt: async (q: { institutionId: string }) => ({ first: [], second: [], shift: [], escalationContactId: null, ...onCall[q.institutionId] }) },
    repo,
    directory: { institutionByCode: async (code: string) => ({ id: code.toLowerCase() }) as never },
    settings: { fallbackInstitutions: ['QMH', 'PWH'], windowMs, dingEmergency: opts.ding ?? true },
  };
  const notices = {
    toAssignee: async (r: ReferralRow, o: { ding: boolean; handedOnFrom?: string }) => void told.push({ to: r.assigneeId!, ding: o.ding, handedOnFrom: o.handedOnFrom }),
    toRequester: async (r: ReferralRow, e: ReferralEvent) => void told.push({ to: r.requesterId!, event: e.kind }),
    toAttendings: async (_r: ReferralRow, ids: readonly string[], e?: 'unrouted') => void ids.forEach((to) => told.push({ to, event: e ?? 'sent' })),
    toAssigneeClosed: async (r: ReferralRow, e: 'cancelled' | 'unrouted') => void told.push({ to: r.assigneeId!, event: e }),
  };
  const audit = { append: () => 0 };
  const open = createOpenReferral({ ...routing, transaction: async (b) => b(), escalation: { track: async (i: TrackInput) => (tracked.push(i), 1) }, notices, attendingsOf: async () => ['dr-att'], audit, clock });
  const kind = referralEscalationKind({ ...routing, notices, attendingsOf: async () => ['dr-att'], audit, clock });
  return { open, kind, rows, tracked, told };
}

const input = (severity: 'emergency' | 'urgent' | 'routine', institutionId: string | null = 'pwh') =>
  ({ caseId: 'case-1', requesterId: 'dr-req', specialty: 'cardiology', institutionId, severity, purposeCode: 'referral' }) as const;

describe('referral windows, fallback and hand-on (use cases over fakes)', () => {
  it('When opened, the escalation waits the severity’s window (5 / 30 / 240 min), and the engine’s later steps wait it again', async () => {
    const w = world({ pwh: { first: ['dr-a'] } });
    for (const s of ['emergency', 'urgent', 'routine'] as const) {
      const out = await w.open(input(s));
      expect(w.tracked.at(-1)).toMatchObject({ itemType: 'referral', itemId: out.referralId, recipients: ['dr-a'], afterMs: windowMs[s], initiatorId: 'dr-req', urgent: true });
      expect(await w.kind.waitMs!(out.referralId)).toBe(windowMs[s]);
    }
    expect(w.kind.reminder).toBe(false);
  });

  it('When no institution is named, the fallback order is tried; nobody anywhere: unassigned, not chased, the requester told', async () => {
    const w = world({ pwh: { second: ['dr-s'] } });
    expect(await w.open(input('urgent', null))).toMatchObject({ assigneeId: 'dr-s' });
    expect(w.rows.values().next().value).toMatchObject({ institutionId: 'pwh', assigneeId: 'dr-s' });
    const none = world({});
    expect(await none.open(input('urgent', null))).toMatchObject({ assigneeId: null, status: 'sent' });
    expect(none.tracked).toEqual([]);
    expect(none.told).toEqual([{ to: 'dr-req', event: 'nobody' }]);
  });

  it('An emergency assignee is DINGed when configured; an urgent one is not; without a requester the attendings are told', async () => {
    const w = world({ pwh: { first: ['dr-a'] } });
    await w.open(input('emergency'));
    await w.open(input('urgent'));
    expect(w.told.filter((t) => t.to === 'dr-a').map((t) => t.ding)).toEqual([true, false]);
    const off = world({ pwh: { first: ['dr-a'] } }, { ding: false });
    await off.open({ ...input('emergency'), requesterId: null });
    expect(off.told).toEqual([{ to: 'dr-a', ding: false, handedOnFrom: undefined }, { to: 'dr-att', event: 'sent' }]);
  });

  it('Handed on: the next in line is second call then the escalation contact; the new assignee gets the card, the requester hears “escalated”', async () => {
    const w = world({ pwh: { first: ['dr-a'], second: ['dr-b'], escalationContactId: 'dr-boss' } });
    const { referralId } = await w.open(input('urgent'));
    expect(await w.kind.colleagues!({ recipientId: 'dr-a', caseId: 'case-1', itemId: referralId })).toEqual(['dr-a', 'dr-b', 'dr-boss']);
    const notice = { idemKey: 'k', itemType: 'referral' as const, itemId: referralId, caseId: 'case-1', recipientId: 'dr-a', initiatorId: 'dr-req', since: 0 };
    expect(await w.kind.admit!({ ...notice, colleagueId: 'dr-b' })).toBe(true);
    expect(w.rows.get(referralId)).toMatchObject({ assigneeId: 'dr-b', status: 'escalated' });
    expect(w.told.slice(-2)).toEqual([{ to: 'dr-b', ding: false, handedOnFrom: 'dr-a' }, { to: 'dr-req', event: 'escalated' }]);
    expect(await w.kind.probe!(referralId, 'dr-a')).toBe('pending');
    w.rows.set(referralId, { ...w.rows.get(referralId)!, status: 'accepted' });
    expect(await w.kind.probe!(referralId, 'dr-a')).toBe('closed');
  });

  it('Nobody left to ask: the referral turns unrouted, the last assignee’s card closes, the requester hears “unrouted”; a rule’s referral tells the attendings; only once', async () => {
    const w = world({ pwh: { first: ['dr-a'] } });
    const { referralId } = await w.open(input('urgent'));
    const notice = { idemKey: 'k', itemType: 'referral' as const, itemId: referralId, caseId: 'case-1', recipientId: 'dr-a', initiatorId: 'dr-req', since: 0 };
    await w.kind.exhausted!(notice);
    expect(w.rows.get(referralId)!.status).toBe('unrouted');
    expect(w.told.slice(-2)).toEqual([{ to: 'dr-a', event: 'unrouted' }, { to: 'dr-req', event: 'unrouted' }]);
    const before = w.told.length;
    await w.kind.exhausted!(notice);
    expect(w.told).toHaveLength(before);
    expect(await w.kind.probe!(referralId, 'dr-a')).toBe('closed');

    const byRule = await w.open({ ...input('urgent'), requesterId: null });
    await w.kind.exhausted!({ ...notice, itemId: byRule.referralId, initiatorId: null });
    expect(w.told.at(-1)).toEqual({ to: 'dr-att', event: 'unrouted' });
  });
});
