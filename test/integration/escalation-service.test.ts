import { afterEach, describe, expect, it } from 'vitest';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { createDirectoryRepository, type NewClinician } from '../../src/domain/directory/directory-repository.js';
import { createEscalationChain } from '../../src/domain/escalation/escalation-chain.js';
import type { EscalationNotifier } from '../../src/domain/escalation/escalation-port.js';
import { createEscalationRepository } from '../../src/domain/escalation/escalation-repository.js';
import { createEscalationService } from '../../src/domain/escalation/escalation-service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { seedClinician, seedInstitution } from '../helpers/directory-seed.js';
import { tempDb } from '../helpers/temp-db.js';

const MIN = 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * The escalation service over a real SQLite file with a recording notifier: which steps it takes,
 * for whom, and which colleague the chain picks. (The end-to-end flow through DingTalk is in
 * escalation-flow.test.ts.)
 */
function setup(opts: { ding?: boolean; maxColleagues?: number; links?: Array<'same_specialty' | 'case_attending'>; attendings?: string[] } = {}) {
  const db = tempDb();
  cleanups.push(db.cleanup);
  const clock = new ManualClock();
  const directory = createDirectoryRepository(db.db, db.store);
  seedInstitution(db.db, { id: 'QMH', code: 'QMH', nameEn: 'QMH', nameZh: null, sector: 'public' });
  seedInstitution(db.db, { id: 'PYN', code: 'PYN', nameEn: 'PYNEH', nameZh: null, sector: 'public' });
  const add = (key: string, over: Partial<NewClinician> = {}) =>
    seedClinician(db.db, { dingtalkUserId: key, displayName: key, institutionId: 'QMH', role: 'doctor', specialty: 'Cardiology', verified: true, suspended: false, ...over }, clock.now()).id;
  const sent: Array<[string, string, string?]> = [];
  let failNext = false;
  const notifier: EscalationNotifier = {
    remind: async (n) => void sent.push(['remind', n.recipientId]),
    ding: async (n) => void sent.push(['ding', n.recipientId]),
    escalate: async (n) => {
      if (failNext) throw new Error('outbox refused');
      sent.push(['escalate', n.recipientId, n.colleagueId]);
    },
    tellInitiator: async (n) => void sent.push(['initiator', n.recipientId, n.colleagueId ?? 'none']),
  };
  const audit: AuditInput[] = [];
  const repo = createEscalationRepository(db.db, db.store);
  const attendings = opts.attendings ?? [];
  const service = createEscalationService({
    transaction: db.store.transaction,
    repo,
    notifier,
    colleagues: createEscalationChain({ directory, attendingsOf: async () => attendings, links: opts.links ?? ['same_specialty'] }),
    audit: { append: (e) => audit.push(e) },
    clock,
    logger: silentLogger,
    settings: { afterMs: 5 * MIN, ding: opts.ding ?? false, maxColleagues: opts.maxColleagues ?? 3 },
  });
  const tick = (ms: number) => {
    clock.advance(ms);
    return service.runDue();
  };
  return { db, clock, add, sent, audit, service, repo, attendings, tick, failNext: (v: boolean) => (failNext = v) };
}

describe('escalation service', () => {
  it('When choosing colleagues, then only verified, unsuspended clinicians of the same specialty and institution who are not recipients or the sharer are asked, in turn', async () => {
    const s = setup();
    const sharer = s.add('a-sharer');
    const lam = s.add('b-lam');
    const otherRecipient = s.add('c-recipient');
    s.add('d-unverified', { verified: false });
    s.add('e-suspended', { suspended: true });
    s.add('f-other-specialty', { specialty: 'Oncology' });
    s.add('g-other-institution', { institutionId: 'PYN' });
    const ng = s.add('h-ng', { specialty: ' cardiology ' });
    const yip = s.add('i-yip');
    await s.service.track({ itemType: 'document', itemId: 'doc', caseId: 'case', recipients: [lam, otherRecipient, sharer], urgent: true, initiatorId: sharer });
    expect((await s.service.stateOf('doc')).map((r) => r.recipientId).sort()).toEqual([lam, otherRecipient].sort());

    expect(await s.tick(5 * MIN - 1)).toEqual({});
    expect(await s.tick(1)).toEqual({ reminded: 2 });
    await s.service.opened('doc', otherRecipient);
    expect(await s.tick(5 * MIN)).toEqual({ escalated: 1 });
    expect(await s.tick(5 * MIN)).toEqual({ escalated: 1 });
    expect(await s.tick(5 * MIN)).toEqual({ exhausted: 1 });
    expect(s.sent.filter(([k]) => k === 'escalate')).toEqual([['escalate', lam, ng], ['escalate', lam, yip]]);
    expect(s.sent.filter(([k]) => k === 'ding')).toEqual([]); // DING off by default
    expect(await s.tick(60 * MIN)).toEqual({});
  });

  it('When the colleague who was asked opens the item, then the recipient’s escalation stops as handled by the colleague', async () => {
    const s = setup({ ding: true });
    const lam = s.add('lam');
    const ng = s.add('ng');
    await s.service.track({ itemType: 'alert', itemId: 'alert-1', caseId: 'case', recipients: [lam], urgent: true });
    await s.tick(5 * MIN);
    expect(s.sent).toEqual([['remind', lam], ['ding', lam]]);
    await s.tick(5 * MIN);
    expect(await s.service.opened('alert-1', 'someone-else')).toBe(0);
    expect(await s.service.opened('alert-1', ng)).toBe(1);
    expect(await s.service.stateOf('alert-1')).toMatchObject([{ status: 'stopped', stopReason: 'opened_by_colleague', nextAt: null }]);
    expect((await s.service.stepsFor(['alert-1'])).map((st) => st.action)).toEqual(['reminded', 'ding', 'escalated', 'stopped']);
    expect(s.audit.map((e) => e.action)).toEqual(['escalation.reminded', 'escalation.ding', 'escalation.escalated', 'escalation.stopped']);
    expect(await s.service.opened('alert-1', ng)).toBe(0); // already stopped: no second entry
    expect(s.audit).toHaveLength(4);
  });

  it('When the item closed or was opened without telling the service, then the probe stops the escalation before any message', async () => {
    const s = setup();
    const lam = s.add('lam');
    const wong = s.add('wong');
    s.service.useProbe('document', async (itemId, recipientId) => (itemId === 'gone' ? 'closed' : recipientId === wong ? 'opened' : 'pending'));
    await s.service.track({ itemType: 'document', itemId: 'gone', caseId: 'c', recipients: [lam], urgent: true });
    await s.service.track({ itemType: 'document', itemId: 'read', caseId: 'c', recipients: [wong, lam], urgent: true });
    expect(await s.tick(5 * MIN)).toEqual({ stopped: 2, reminded: 1 });
    expect(s.sent).toEqual([['remind', lam]]);
    expect(await s.service.stateOf('gone')).toMatchObject([{ stopReason: 'item_closed' }]);
    expect(await s.service.cancel('read')).toBe(1);
    expect(await s.tick(60 * MIN)).toEqual({});
  });

  it('When a step fails, then nothing of it is kept, and it is tried again after another wait', async () => {
    const s = setup({ links: ['case_attending'], attendings: [] });
    const lam = s.add('lam');
    const chan = s.add('chan', { specialty: 'Oncology' });
    s.attendings.push(chan);
    await s.service.track({ itemType: 'document', itemId: 'doc', caseId: 'c', recipients: [lam], urgent: true });
    await s.tick(5 * MIN);
    s.failNext(true);
    expect(await s.tick(5 * MIN)).toEqual({ failed: 1 });
    expect((await s.service.stepsFor(['doc'])).map((st) => st.action)).toEqual(['reminded']);
    expect(await s.service.stateOf('doc')).toMatchObject([{ status: 'active', step: 1 }]);
    s.failNext(false);
    expect(await s.tick(4 * MIN)).toEqual({});
    expect(await s.tick(MIN)).toEqual({ escalated: 1 });
    expect(s.sent.at(-1)).toEqual(['escalate', lam, chan]);
  });

  it('When tracking twice or with maxColleagues 0, then recipients are tracked once and the reminder is the last step', async () => {
    const s = setup({ maxColleagues: 0 });
    const lam = s.add('lam');
    s.add('ng');
    const input = { itemType: 'document' as const, itemId: 'doc', caseId: 'c', recipients: [lam, lam], urgent: true };
    expect(await s.service.track(input)).toBe(1);
    expect(await s.service.track(input)).toBe(0);
    expect(await s.tick(5 * MIN)).toEqual({ reminded: 1 });
    expect(await s.tick(5 * MIN)).toEqual({ exhausted: 1 });
    expect(s.sent).toEqual([['remind', lam]]);
  });

  it('When an item type registers its own chain, admit and initiator notices, then its colleagues are let in and the initiator is told at each escalation', async () => {
    const s = setup({ links: ['case_attending'], attendings: [] });
    const raiser = s.add('a-raiser');
    const recipient = s.add('b-recipient');
    const colleague = s.add('c-colleague');
    const admitted: string[] = [];
    s.service.useKind('alert', {
      colleagues: async ({ recipientId }) => (recipientId === recipient ? [raiser, colleague] : []),
      admit: async (n) => {
        admitted.push(`${n.itemId}:${n.colleagueId}`);
        return true;
      },
      tellInitiator: true,
    });
    await s.service.track({ itemType: 'alert', itemId: 'alert-9', caseId: 'case', recipients: [recipient], urgent: true, initiatorId: raiser });
    await s.tick(5 * MIN);
    expect(await s.tick(5 * MIN)).toEqual({ escalated: 1 });
    // The raiser is never the colleague asked (the type's chain named them first), but is told.
    expect(admitted).toEqual([`alert-9:${colleague}`]);
    expect(s.sent.slice(1)).toEqual([['escalate', recipient, colleague], ['initiator', recipient, colleague]]);
    expect(await s.tick(5 * MIN)).toEqual({ exhausted: 1 });
    expect(s.sent.at(-1)).toEqual(['initiator', recipient, 'none']);
    // Documents keep the configured chain and tell no initiator.
    await s.service.track({ itemType: 'document', itemId: 'doc-9', caseId: 'case', recipients: [recipient], urgent: true, initiatorId: raiser });
    await s.tick(5 * MIN);
    expect(await s.tick(5 * MIN)).toEqual({ exhausted: 1 });
    expect(s.sent.filter(([k]) => k === 'initiator')).toHaveLength(2);
  });
});
