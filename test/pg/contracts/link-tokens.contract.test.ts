import { expect, it } from 'vitest';
import { createPgLinkTokens } from '../../../src/domain/cases/link-tokens-pg.js';
import { createLinkTokens } from '../../../src/domain/cases/link-tokens.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const clock = new ManualClock(1_000_000);

describeOnBothStores(
  'link tokens contract',
  (s) => (s.kind === 'sqlite' ? createLinkTokens({ db: s.sqlite.db, store: s.sqlite.store, clock }) : createPgLinkTokens({ store: s.pg, clock })),
  (get) => {
    it('an intent is read by its owner only, for its purpose, until it expires', async () => {
      const { repo } = get();
      const { intentId, expiresAt } = await repo.issue('consent', { clinicianId: 'c1', caseId: 'case-1', ttlMs: 60_000 });
      expect(expiresAt).toBe(clock.now() + 60_000);
      expect(await repo.peek({ intentId }, 'consent', 'c1')).toMatchObject({ purpose: 'consent', clinicianId: 'c1', caseId: 'case-1', conversationId: null, usedAt: null });
      expect(await repo.intentFor(intentId, 'c1')).toMatchObject({ purpose: 'consent' });
      await expect(repo.peek({ intentId }, 'case_open', 'c1')).rejects.toMatchObject({ code: 'not_found' });
      await expect(repo.peek({ intentId }, 'consent', 'c2')).rejects.toMatchObject({ code: 'not_found' });
      await expect(repo.intentFor(intentId, 'c2')).rejects.toMatchObject({ code: 'not_found' });
      await expect(repo.intentFor('unknown', 'c1')).rejects.toMatchObject({ code: 'not_found' });
      clock.advance(60_000);
      await expect(repo.peek({ intentId }, 'consent', 'c1')).rejects.toMatchObject({ code: 'link.expired' });
      await expect(repo.consume({ intentId }, 'consent', 'c1')).rejects.toMatchObject({ code: 'link.expired' });
    });

    it('used once: of two consumes racing, one wins; a consume rolled back leaves the link usable', async () => {
      const { repo, store } = get();
      const { intentId } = await repo.issue('case_open', { clinicianId: 'c1', conversationId: 'conv-1' });
      await expect(
        store.transaction(async () => {
          await repo.consume({ intentId }, 'case_open', 'c1');
          throw new Error('the write after it failed');
        }),
      ).rejects.toThrow('the write after it failed');
      const results = await Promise.allSettled([repo.consume({ intentId }, 'case_open', 'c1'), repo.consume({ intentId }, 'case_open', 'c1')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
      await expect(repo.intentFor(intentId, 'c1')).rejects.toMatchObject({ code: 'conflict' });
    });

    it('a used case-open link that resolved to a case proves the identity was entered in that conversation since a time', async () => {
      const { repo } = get();
      const { intentId } = await repo.issue('case_open', { clinicianId: 'c9', conversationId: 'conv-9' });
      expect(await repo.usedCaseOpenFor('c9', 'case-9', 'conv-9', 0)).toBe(false);
      const used = await repo.consume({ intentId }, 'case_open', 'c9');
      expect(used.usedAt).toBe(clock.now());
      await repo.attachCase(used.tokenHash, 'case-9');
      expect(await repo.usedCaseOpenFor('c9', 'case-9', 'conv-9', clock.now())).toBe(true);
      expect(await repo.usedCaseOpenFor('c9', 'case-9', 'conv-9', clock.now() + 1)).toBe(false);
      expect(await repo.usedCaseOpenFor('c9', 'case-9', 'other-conv', 0)).toBe(false);
      expect(await repo.usedCaseOpenFor('c8', 'case-9', 'conv-9', 0)).toBe(false);
    });
  },
);
