import { randomBytes } from 'node:crypto';
import { createFreeTextCipher } from '../../src/domain/patients/free-text-cipher.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalRepository } from '../../src/domain/approvals/approval-repository.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { createEscalationRepository } from '../../src/domain/escalation/escalation-repository.js';
import { newId } from '../../src/shared/ids.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

const MIN = 60_000;
const DAY = 86_400_000;
const HK_OFFSET = 8 * 60 * MIN;
/** 10:00 Hong Kong time on the HK day of t, so a seeded day's events (up to 90 minutes) stay on that day. */
const hkMorning = (t: number) => t - ((t + HK_OFFSET) % DAY) + 10 * 60 * MIN;
const hkDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

interface Day {
  date: string;
  shareToFirstView: { shared: number; viewed: number; medianMinutes: number | null; p90Minutes: number | null };
  approvalTurnaround: { decided: number; medianMinutes: number | null };
  alerts: { total: number; openedWithin5m: number; ratio: number };
  denials: { total: number; byReason: Record<string, number> };
  escalations: number;
}

/**
 * Data is written with explicit times through the repositories and the audit log (10:00 HK time two days ago and
 * twelve days ago), so every figure below is known in advance.
 */
describe('admin console: dashboard', () => {
  let w: ConsoleWorld;
  let now: number;
  let twoDaysAgo: number;
  beforeAll(async () => {
    w = await consoleWorld();
    const seed = await seedConsult(w);
    const { secure, audit, db } = w.h.service;
    now = w.h.service.clock.now();
    twoDaysAgo = hkMorning(now - 2 * DAY);
    const twelveDaysAgo = hkMorning(now - 12 * DAY);
    const doc = async (createdAt: number) => {
      const id = newId();
      await secure.documentsRepo.insert({ id, caseId: seed.caseId, authorId: w.ids.doctor, kind: 'report', mediaType: 'application/pdf', size: 1, createdAt });
      return id;
    };
    // Two days ago: three reports; first views by others after 12 and 30 minutes, one never opened.
    const [a, b] = [await doc(twoDaysAgo), await doc(twoDaysAgo + MIN), await doc(twoDaysAgo + 2 * MIN)];
    await secure.receipts.markViewed(a!, w.ids.doctor, twoDaysAgo + MIN); // the author's own view does not count
    await secure.receipts.markViewed(a!, w.ids.lam, twoDaysAgo + 12 * MIN);
    await secure.receipts.markViewed(b!, w.ids.wong, twoDaysAgo + MIN + 30 * MIN);
    await doc(twelveDaysAgo);

    const approvals = createApprovalRepository(db.db, db.store, createFreeTextCipher(randomBytes(32)));
    // Decided as the approval service decides (pending, then one transition), which keeps the running totals.
    const request = async (createdAt: number, decidedAt: number, status: 'approved' | 'denied') => {
      const id = newId();
      await approvals.insert({ id, documentId: a!, caseId: seed.caseId, requesterId: w.ids.wong, reasonCode: 'referral', chain: ['attending'], createdAt, expiresAt: createdAt + DAY });
      await approvals.transition(id, 0, { status, stepIndex: 0, decidedAt });
    };
    await request(twoDaysAgo, twoDaysAgo + 20 * MIN, 'approved');
    await request(twoDaysAgo, twoDaysAgo + 40 * MIN, 'denied');
    await request(twoDaysAgo, twoDaysAgo + 90 * MIN, 'approved');

    const chases = createEscalationRepository(db.db, db.store);
    const alert = async (createdAt: number, stoppedAfter: number | null) => {
      const itemId = newId();
      await chases.insert({ itemId, recipientId: w.ids.lam, itemType: 'alert', caseId: seed.caseId, status: 'active', nextAt: createdAt + MIN, createdAt });
      if (stoppedAfter !== null) await chases.end(itemId, w.ids.lam, 'stopped', 'opened', createdAt + stoppedAfter);
    };
    await alert(twoDaysAgo, 3 * MIN);
    await alert(twoDaysAgo, 9 * MIN);
    await alert(twoDaysAgo, null);

    for (const reason of ['no_permit', 'no_permit', 'forbid_suspended'])
      audit.append({ actor: w.ids.wong, action: AUDIT_ACTIONS.accessDecision, target: a!, outcome: 'denied', reason, at: twoDaysAgo });
    audit.append({ actor: 'system', action: AUDIT_ACTIONS.escalationReminded, target: a!, outcome: 'success', at: twoDaysAgo });
    audit.append({ actor: 'system', action: AUDIT_ACTIONS.escalationEscalated, target: a!, outcome: 'success', at: twoDaysAgo });
    audit.append({ actor: w.ids.wong, action: AUDIT_ACTIONS.accessDecision, target: a!, outcome: 'denied', reason: 'no_permit', at: twelveDaysAgo });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When an admin asks for 7 days, then one entry per Hong Kong day, and the day with data has the expected figures', async () => {
    const res = await w.call('GET', '/api/admin/dashboard?days=7', 'admin');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ days: 7, timeZone: 'Asia/Hong_Kong' });
    const dates = (body.series as Day[]).map((d) => d.date);
    expect(dates).toHaveLength(7);
    expect(dates.at(-1)).toBe(hkDate(now));
    expect(dates[0]).toBe(hkDate(now - 6 * DAY));

    const day = (body.series as Day[]).find((d) => d.date === hkDate(twoDaysAgo))!;
    expect(day.shareToFirstView).toEqual({ shared: 3, viewed: 2, medianMinutes: 12, p90Minutes: 30 });
    expect(day.approvalTurnaround).toEqual({ decided: 3, medianMinutes: 40 });
    expect(day.alerts).toEqual({ total: 3, openedWithin5m: 1, ratio: 0.333 });
    expect(day.denials).toEqual({ total: 3, byReason: { no_permit: 2, forbid_suspended: 1 } });
    expect(day.escalations).toBe(2);

    // Nothing else was refused in the window; the seed shared one more report today, not yet opened.
    expect(body.totals.denials).toEqual({ total: 3, byReason: { no_permit: 2, forbid_suspended: 1 } });
    // Each reason's chart label in both languages, from the one denial reasons table (an unknown code as its words).
    expect(body.reasonLabels).toEqual({ no_permit: { en: 'No rule allows it', zh: '沒有規則容許' }, forbid_suspended: { en: 'forbid suspended', zh: 'forbid suspended' } });
    expect(body.totals.shareToFirstView).toMatchObject({ shared: 4, viewed: 2 });
    const quiet = (body.series as Day[]).find((d) => d.date === hkDate(now - 5 * DAY))!;
    expect(quiet).toMatchObject({ alerts: { total: 0, openedWithin5m: 0, ratio: 0 }, escalations: 0, approvalTurnaround: { decided: 0, medianMinutes: null } });
  });

  it('When asked for 30 days, then older data counts too; any other span is refused', async () => {
    const body = (await w.call('GET', '/api/admin/dashboard?days=30', 'admin')).json();
    expect(body.series).toHaveLength(30);
    expect(body.totals.denials.byReason).toEqual({ no_permit: 3, forbid_suspended: 1 });
    expect(body.totals.shareToFirstView).toMatchObject({ shared: 5, viewed: 2 });
    const bad = await w.call('GET', '/api/admin/dashboard?days=14', 'admin');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    expect((await w.call('GET', '/api/admin/dashboard', 'officer')).statusCode).toBe(403);
  });
});
