import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgReferralRepository } from '../../../src/domain/referrals/referral-repository-pg.js';
import { createReferralRepository, type NewReferral } from '../../../src/domain/referrals/referral-repository.js';
import { hkDay } from '../../../src/domain/reports/daily-totals.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));
const REASON = 'Chest pain since 02:00, troponin rising';

describeOnBothStores(
  'referral repository contract',
  (s) => ({ store: s, refs: s.kind === 'sqlite' ? createReferralRepository(s.sqlite.db, s.sqlite.store, texts) : createPgReferralRepository(s.pg, texts) }),
  (get) => {
    const ref = (id: string, assigneeId: string | null, sentAt: number, extra: Partial<NewReferral> = {}): NewReferral => ({
      id, caseId: 'case-r', requesterId: 'dr-req', institutionId: 'inst-pwh', specialty: 'cardiology', severity: 'urgent', purposeCode: 'referral', assigneeId, sentAt, ...extra,
    });

    it('stores a referral as sent, the reason sealed at rest and opened on read; a case’s referrals newest first', async () => {
      const { refs, store } = get().repo;
      await refs.insert(ref('r1', 'dr-a', 10, { reason: REASON }));
      await refs.insert(ref('r2', 'dr-a', 20, { requesterId: null, triggerRuleId: 'stemi-ecg', triggerItemType: 'document', triggerItemId: 'doc-1' }));
      await refs.insert(ref('r3', 'dr-b', 30));
      await refs.insert(ref('r4', null, 40));
      expect(await refs.find('r1')).toMatchObject({ status: 'sent', reason: REASON, assigneeId: 'dr-a', seenAt: null, acceptedAt: null });
      expect(await refs.find('r2')).toMatchObject({ requesterId: null, reason: null, triggerRuleId: 'stemi-ecg', triggerItemType: 'document', triggerItemId: 'doc-1' });
      expect((await refs.forCase('case-r')).map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
      const stored = await rawSql(store, "SELECT reason FROM referrals WHERE id = 'r1'");
      expect(String((stored[0] as { reason: string }).reason)).not.toContain('troponin');
    });

    it('counts open referrals per clinician (absent: none) and the load of everyone with any', async () => {
      const { refs } = get().repo;
      expect(Object.fromEntries(await refs.openCounts(['dr-a', 'dr-b', 'dr-c']))).toEqual({ 'dr-a': 2, 'dr-b': 1 });
      expect(await refs.openCounts([])).toEqual(new Map());
      expect(await refs.openLoad()).toEqual([{ assigneeId: 'dr-a', open: 2 }, { assigneeId: 'dr-b', open: 1 }]);
    });

    it('seen once by its assignee; handed on only while open and still with the one it leaves', async () => {
      const { refs } = get().repo;
      expect(await refs.markSeen('r1', 'dr-b', 50)).toBe(false);
      expect(await refs.markSeen('r1', 'dr-a', 50)).toBe(true);
      expect(await refs.markSeen('r1', 'dr-a', 60)).toBe(false);
      expect(await refs.reassign('r3', 'dr-a', 'dr-c', 70)).toBe(false);
      expect(await refs.reassign('r3', 'dr-b', 'dr-c', 70)).toBe(true);
      expect(await refs.find('r3')).toMatchObject({ assigneeId: 'dr-c', status: 'escalated', escalatedAt: 70 });
      expect(await refs.markSeen('r3', 'dr-c', 80)).toBe(true);
      expect(Object.fromEntries(await refs.openCounts(['dr-a', 'dr-b', 'dr-c']))).toEqual({ 'dr-a': 2, 'dr-c': 1 });
    });

    it('closes once: accept and decline only by the assignee; then it is no longer open or handed on', async () => {
      const { refs } = get().repo;
      expect(await refs.close('r1', { status: 'accepted', by: 'dr-b', at: 90, grantId: 'g1' })).toBe(false);
      const both = await Promise.all([
        refs.close('r1', { status: 'accepted', by: 'dr-a', at: 100, grantId: 'g1' }),
        refs.close('r1', { status: 'declined', by: 'dr-a', at: 101, reason: 'no_capacity' }),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
      expect(await refs.reassign('r1', 'dr-a', 'dr-x', 110)).toBe(false);
      expect(await refs.close('r2', { status: 'declined', by: 'dr-a', at: 120, reason: 'not_my_specialty' })).toBe(true);
      expect(await refs.find('r2')).toMatchObject({ status: 'declined', declinedAt: 120, declineReason: 'not_my_specialty' });
      expect(await refs.close('r4', { status: 'cancelled', by: 'dr-req', at: 130 })).toBe(true);
      expect(await refs.close('r4', { status: 'cancelled', by: 'dr-req', at: 131 })).toBe(false);
      expect(await refs.assignedTo('dr-a')).toEqual([]);
      expect((await refs.assignedTo('dr-a', { all: true })).map((r) => r.id)).toEqual(['r2', 'r1']);
    });

    it('an acceptance, and only that, adds to the dashboard’s running totals once (day sent, severity/specialty/seconds)', async () => {
      const { refs, store } = get().repo;
      const accepted = (await refs.find('r1'))?.status === 'accepted';
      const rows = await rawSql<{ day: number; dimension: string; n: number }>(store, "SELECT day, dimension, n FROM daily_totals WHERE metric = 'referral_accepted'");
      expect(rows.map((r) => ({ day: Number(r.day), dimension: r.dimension, n: Number(r.n) }))).toEqual(accepted ? [{ day: hkDay(10), dimension: 'urgent/cardiology/0', n: 1 }] : []);
    });

    it('needing attention: unrouted ones and open ones nobody was on call for, newest first; an unrouted one can still be cancelled, once', async () => {
      const { refs } = get().repo;
      await refs.insert(ref('r5', 'dr-b', 50));
      await refs.insert(ref('r6', null, 60));
      expect(await refs.close('r5', { status: 'unrouted', by: 'system', at: 70 })).toBe(true);
      expect(await refs.close('r5', { status: 'unrouted', by: 'system', at: 71 })).toBe(false);
      await refs.insert(ref('r7', null, 40));
      expect((await refs.needingAttention({ limit: 10 })).map((r) => [r.id, r.status])).toEqual([['r6', 'sent'], ['r5', 'unrouted'], ['r7', 'sent']]);
      expect((await refs.needingAttention({ limit: 1 })).map((r) => r.id)).toEqual(['r6']);
      // Keyset pages past (sentAt, id), merging both reads: after r6, then after r5.
      expect((await refs.needingAttention({ limit: 1, after: { at: 60, id: 'r6' } })).map((r) => r.id)).toEqual(['r5']);
      expect((await refs.needingAttention({ limit: 5, after: { at: 50, id: 'r5' } })).map((r) => r.id)).toEqual(['r7']);
      expect(await refs.openCounts(['dr-b'])).toEqual(new Map());
      expect(await refs.close('r5', { status: 'accepted', by: 'dr-b', at: 80, grantId: 'g' })).toBe(false);
      expect(await refs.close('r5', { status: 'cancelled', by: 'dr-req', at: 90 })).toBe(true);
      expect(await refs.close('r5', { status: 'cancelled', by: 'dr-req', at: 91 })).toBe(false);
      expect((await refs.needingAttention({ limit: 10 })).map((r) => r.id)).toEqual(['r6', 'r7']);
    });
  },
);
