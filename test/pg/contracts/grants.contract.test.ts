import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgGrantRepository } from '../../../src/domain/grants/grant-repository-pg.js';
import { createGrantRepository } from '../../../src/domain/grants/grant-repository.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const texts = createFreeTextCipher(randomBytes(32));

describeOnBothStores(
  'grant repository contract',
  (s) => (s.kind === 'sqlite' ? createGrantRepository(s.sqlite.db, s.sqlite.store, texts) : createPgGrantRepository(s.pg, texts)),
  (get) => {
    const grant = (id: string, over: Partial<{ expiresAt: number; caseId: string; requestId: string | null; createdAt: number }> = {}) => ({
      id,
      kind: 'approval' as const,
      documentId: 'd1',
      caseId: 'case-1',
      clinicianId: 'c1',
      createdAt: 1000,
      expiresAt: 5000,
      requestId: null,
      ...over,
    });

    it('live grants count while now < expiresAt and not revoked; revoke once', async () => {
      const { repo } = get();
      await repo.insert(grant('g1'));
      await repo.insert(grant('g2', { expiresAt: 2000 }));
      await repo.insert(grant('g3', { caseId: 'case-2' }));
      expect((await repo.liveFor('c1', 'case-1', 1500)).map((g) => g.id).sort()).toEqual(['g1', 'g2']);
      expect((await repo.liveFor('c1', 'case-1', 2000)).map((g) => g.id)).toEqual(['g1']);
      expect((await repo.liveForClinician('c1', 2500)).map((g) => g.id).sort()).toEqual(['g1', 'g3']);
      const [a, b] = await Promise.all([repo.revoke('g3', 3000), repo.revoke('g3', 3001)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect((await repo.find('g3'))?.revokedAt).toBeTypeOf('number');
    });

    it('live grants page by (expiresAt, id), soonest first, without revoked or expired ones', async () => {
      const { repo } = get();
      // Later than every other grant of this suite's store, so only these are live at NOW.
      const NOW = 100_000;
      for (const [id, expiresAt] of [['p3', 300_000], ['p1', 200_000], ['p2', 200_000], ['p4', 400_000], ['gone', 50_000], ['rv', 250_000]] as const) {
        await repo.insert(grant(id, { expiresAt, caseId: 'case-p' }));
      }
      await repo.revoke('rv', 90_000);
      const first = await repo.livePage(NOW, null, 2);
      expect(first.map((g) => g.id)).toEqual(['p1', 'p2']);
      const last = first.at(-1)!;
      expect((await repo.livePage(NOW, { expiresAt: last.expiresAt, id: last.id }, 2)).map((g) => g.id)).toEqual(['p3', 'p4']);
      expect(await repo.livePage(NOW, { expiresAt: 400_000, id: 'p4' }, 2)).toEqual([]);
    });

    it('one grant per request (unique); expiry recorded once, oldest first', async () => {
      const { repo } = get();
      await repo.insert(grant('r1', { requestId: 'req-1', expiresAt: 100 }));
      await expect(repo.insert(grant('r2', { requestId: 'req-1' }))).rejects.toThrow();
      expect((await repo.findByRequest('req-1'))?.id).toBe('r1');
      await repo.insert(grant('r3', { expiresAt: 50 }));
      expect((await repo.expiredUnrecorded(200, 10)).map((g) => g.id)).toEqual(['r3', 'r1']);
      expect(await repo.markExpiryRecorded('r3', 300)).toBe(true);
      expect(await repo.markExpiryRecorded('r3', 301)).toBe(false);
      expect((await repo.expiredUnrecorded(200, 10)).map((g) => g.id)).toEqual(['r1']);
    });

    it('break-glass reviews: reason and note sealed at rest, opened on read, closed once', async () => {
      const { repo } = get();
      await repo.insert({ ...grant('bg1', { caseId: 'case-9' }), kind: 'break_glass', documentId: null });
      await repo.insertReview({ id: 'rv1', grantId: 'bg1', caseId: 'case-9', clinicianId: 'c1', reason: 'patient collapsed', createdAt: 10 });
      expect(await repo.findReview('rv1')).toMatchObject({ reason: 'patient collapsed', status: 'pending', note: null });
      expect((await repo.pendingReviews()).map((r) => r.id)).toEqual(['rv1']);
      expect(await repo.closeReview('rv1', { status: 'approved', reviewerId: 'po', note: 'fine', at: 20 })).toBe(true);
      expect(await repo.closeReview('rv1', { status: 'flagged', reviewerId: 'po2', note: null, at: 21 })).toBe(false);
      expect(await repo.reviewsByStatus('approved')).toMatchObject([{ id: 'rv1', note: 'fine', reviewerId: 'po', reviewedAt: 20 }]);
      expect((await repo.forCases(['case-9', 'none'])).map((g) => g.id)).toEqual(['bg1']);
      expect(await repo.forCases([])).toEqual([]);
    });
  },
);
