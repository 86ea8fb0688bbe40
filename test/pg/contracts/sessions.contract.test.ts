import { expect, it } from 'vitest';
import { createPgSessionRepository } from '../../../src/domain/sessions/session-repository-pg.js';
import { createSessionRepository } from '../../../src/domain/sessions/session-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'session repository contract',
  (s) => (s.kind === 'sqlite' ? createSessionRepository(s.sqlite.db, s.sqlite.store) : createPgSessionRepository(s.pg)),
  (get) => {
    const family = (id: string, clinicianId: string, expiresAt = 10_000_000_000_000) => ({ id, clinicianId, createdAt: 1_700_000_000_000, expiresAt });
    const token = (tokenHash: string, familyId: string) => ({ tokenHash, familyId, issuedAt: 1_700_000_000_000, expiresAt: 1_800_000_000_000 });

    it('stores families and tokens and reads them back (millisecond times intact)', async () => {
      const { repo } = get();
      await repo.insertFamily(family('f1', 'c1'));
      await repo.insertToken(token('h1', 'f1'));
      expect(await repo.family('f1')).toEqual({ ...family('f1', 'c1'), revokedAt: null, revokedReason: null });
      expect(await repo.tokenByHash('h1')).toEqual({ ...token('h1', 'f1'), usedAt: null });
      expect(await repo.family('nope')).toBeUndefined();
      expect(await repo.tokenByHash('nope')).toBeUndefined();
    });

    it('markUsed is a compare-and-set: of two racing callers exactly one wins', async () => {
      const { repo } = get();
      await repo.insertFamily(family('f2', 'c2'));
      await repo.insertToken(token('h2', 'f2'));
      const results = await Promise.all([repo.markUsed('h2', 5), repo.markUsed('h2', 6)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repo.markUsed('h2', 7)).toBe(false);
      expect(await repo.markUsed('unknown', 7)).toBe(false);
    });

    it('revokes a family once, and every live family of a clinician', async () => {
      const { repo } = get();
      for (const id of ['f3', 'f4', 'f5']) await repo.insertFamily(family(id, 'c3'));
      expect(await repo.revokeFamily('f3', 10, 'logout')).toBe(true);
      expect(await repo.revokeFamily('f3', 11, 'logout')).toBe(false);
      expect(await repo.revokeAllFor('c3', 12, 'suspended')).toBe(2);
      expect((await repo.family('f3'))?.revokedReason).toBe('logout');
      expect((await repo.family('f5'))?.revokedReason).toBe('suspended');
    });

    it('purgeExpired removes ended families with their tokens, nothing else', async () => {
      const { repo } = get();
      await repo.insertFamily(family('old', 'c4', 1000));
      await repo.insertToken(token('old-t', 'old'));
      await repo.insertFamily(family('live', 'c4'));
      await repo.insertToken(token('live-t', 'live'));
      await repo.purgeExpired(2000);
      expect([await repo.family('old'), await repo.tokenByHash('old-t')]).toEqual([undefined, undefined]);
      expect((await repo.tokenByHash('live-t'))?.familyId).toBe('live');
    });

    it('purgeExpired ends at most one batch per call, oldest first, and a later call takes the rest', async () => {
      const { repo } = get();
      for (let i = 0; i < 5; i++) {
        await repo.insertFamily(family(`b${i}`, 'c6', 1000 + i));
        await repo.insertToken(token(`b${i}-t`, `b${i}`));
      }
      expect(await repo.purgeExpired(2000, 3)).toBe(3);
      expect((await Promise.all(['b0', 'b1', 'b2', 'b3', 'b4'].map((id) => repo.family(id)))).map((f) => f?.id ?? null)).toEqual([null, null, null, 'b3', 'b4']);
      expect(await repo.tokenByHash('b3-t')).toBeDefined();
      expect(await repo.purgeExpired(2000, 3)).toBe(2);
      expect(await repo.tokenByHash('b4-t')).toBeUndefined();
      expect(await repo.purgeExpired(2000, 3)).toBe(0);
    });

    it('joins the caller transaction: a failed body leaves nothing behind', async () => {
      const { repo, store } = get();
      await expect(
        store.transaction(async () => {
          await repo.insertFamily(family('tx', 'c5'));
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await repo.family('tx')).toBeUndefined();
    });
  },
);
