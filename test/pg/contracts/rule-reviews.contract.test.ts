import { expect, it } from 'vitest';
import { createPgRuleReviewRepository } from '../../../src/domain/clinical/rule-review-repository-pg.js';
import { createRuleReviewRepository, type RuleReviewRow } from '../../../src/domain/clinical/rule-review-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'interaction rule review repository contract',
  (s) => (s.kind === 'sqlite' ? createRuleReviewRepository(s.sqlite.db, s.sqlite.store) : createPgRuleReviewRepository(s.pg)),
  (get) => {
    const row = (ruleId: string, over: Partial<RuleReviewRow> = {}): RuleReviewRow => ({
      ruleId,
      ruleHash: 'h1',
      ruleSetVersion: '1.2.0',
      signedOffBy: null,
      signedOffAt: null,
      disabledBy: null,
      disabledAt: null,
      disabledReason: null,
      enabledBy: null,
      enabledAt: null,
      enabledReason: null,
      updatedAt: 1_764_000_000_000,
      ...over,
    });

    it('stores a review and reads it back, millisecond times intact', async () => {
      const { repo } = get();
      const r = row('onc01-a', { signedOffBy: 'p1', signedOffAt: 1_764_000_000_123 });
      await repo.put(r);
      expect(await repo.find('onc01-a')).toEqual(r);
      expect(await repo.find('nope')).toBeUndefined();
    });

    it('put replaces every column of the rule row (one row per rule)', async () => {
      const { repo } = get();
      await repo.put(row('r-two', { signedOffBy: 'p1', signedOffAt: 5 }));
      const next = row('r-two', { ruleHash: 'h2', ruleSetVersion: '1.3.0', disabledBy: 'p2', disabledAt: 6, disabledReason: 'noisy 藥劑', updatedAt: 7 });
      await repo.put(next);
      expect(await repo.find('r-two')).toEqual(next);
      expect((await repo.all()).filter((r) => r.ruleId === 'r-two')).toHaveLength(1);
    });

    it('all lists every row by rule id in byte order', async () => {
      const { repo } = get();
      await repo.put(row('b-rule'));
      await repo.put(row('A-rule'));
      const ids = (await repo.all()).map((r) => r.ruleId);
      expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      expect(ids).toEqual(expect.arrayContaining(['A-rule', 'b-rule', 'onc01-a', 'r-two']));
    });
  },
);
