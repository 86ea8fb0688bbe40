import { expect, it } from 'vitest';
import { createPgRuleFirings } from '../../../src/domain/consult-rules/rule-firings-pg.js';
import { createRuleFirings, type RuleFiringRow } from '../../../src/domain/consult-rules/rule-firings.js';
import { createPgRuleSetStore } from '../../../src/domain/consult-rules/rule-set-store-pg.js';
import { createRuleSetStore } from '../../../src/domain/consult-rules/rule-set-store.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'consult rule firings and rule set contract',
  (s) =>
    s.kind === 'sqlite'
      ? { firings: createRuleFirings(s.sqlite.db, s.sqlite.store), sets: createRuleSetStore(s.sqlite.db, s.sqlite.store) }
      : { firings: createPgRuleFirings(s.pg), sets: createPgRuleSetStore(s.pg) },
  (get) => {
    const firing = (id: string, over: Partial<RuleFiringRow> = {}): RuleFiringRow => ({
      id, ruleId: 'ecg-stemi', itemType: 'document', itemId: 'doc-1', caseId: 'case-1', referralId: null, firedAt: 1_764_000_000_123, ...over,
    });

    it('a rule fires once per item: a second claim of the same rule × item is refused; another rule or item is not', async () => {
      const { firings } = get().repo;
      expect(await firings.claim(firing('f1'))).toBe(true);
      expect(await firings.claim(firing('f2'))).toBe(false);
      expect(await firings.claim(firing('f3', { ruleId: 'troponin-high' }))).toBe(true);
      expect(await firings.claim(firing('f4', { itemType: 'observation' }))).toBe(true);
      expect((await firings.forItem('document', 'doc-1')).map((f) => f.ruleId)).toEqual(['ecg-stemi', 'troponin-high']);
    });

    it('sets the referral, lists the case by time, and a released claim may be claimed again', async () => {
      const { firings } = get().repo;
      await firings.claim(firing('g1', { itemId: 'doc-2', firedAt: 5 }));
      await firings.setReferral('g1', 'ref-9');
      const rows = await firings.forCase('case-1');
      expect(rows[0]).toEqual(firing('g1', { itemId: 'doc-2', firedAt: 5, referralId: 'ref-9' }));
      await firings.release('g1');
      expect(await firings.claim(firing('g2', { itemId: 'doc-2' }))).toBe(true);
    });

    it('the rule set saves over the version it edited, and refuses a stale version', async () => {
      const { sets } = get().repo;
      expect(await sets.version()).toBe(0);
      expect(await sets.current()).toBeUndefined();
      expect(await sets.save({ rulesJson: '{"rules":[]}', updatedBy: 'a1', updatedAt: 10 }, 0)).toBe(true);
      expect(await sets.save({ rulesJson: '{"rules":[1]}', updatedBy: 'a2', updatedAt: 11 }, 0)).toBe(false);
      expect(await sets.save({ rulesJson: '{"rules":[2]}', updatedBy: 'a2', updatedAt: 12 }, 1)).toBe(true);
      expect(await sets.save({ rulesJson: '{"rules":[3]}', updatedBy: 'a3', updatedAt: 13 }, 1)).toBe(false);
      expect(await sets.version()).toBe(2);
      expect(await sets.current()).toEqual({ id: 'current', rulesJson: '{"rules":[2]}', version: 2, updatedBy: 'a2', updatedAt: 12 });
    });
  },
);
