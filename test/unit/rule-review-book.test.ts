import { describe, expect, it } from 'vitest';
import { loadInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import type { InteractionRuleSet } from '../../src/domain/clinical/interaction-rule-set.js';
import { createRuleReviewBook, DISABLED_RULES_TTL_MS } from '../../src/domain/clinical/rule-review-book.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { RuleReviewRow } from '../../src/domain/clinical/rule-review-repository.js';
import { reviewStateOf, ruleContentHash } from '../../src/domain/clinical/rule-review-state.js';

const set = loadInteractionRuleSet();
const first = set.rules[0]!;

function memoryRepo() {
  const rows = new Map<string, RuleReviewRow>();
  let reads = 0;
  return {
    rows,
    reads: () => reads,
    async all() {
      reads++;
      return [...rows.values()];
    },
    async find(id: string) {
      return rows.get(id);
    },
    async put(row: RuleReviewRow) {
      rows.set(row.ruleId, row);
    },
  };
}

const blank = { signedOffBy: null, signedOffAt: null, disabledBy: null, disabledAt: null, disabledReason: null, enabledBy: null, enabledAt: null, enabledReason: null, updatedAt: 1 };

describe('rule review state', () => {
  it('the hash ignores the file’s reviewed flag but not the content', () => {
    expect(ruleContentHash({ ...first, reviewed: true })).toBe(ruleContentHash(first));
    expect(ruleContentHash({ ...first, action: `${first.action} Monitor INR.` })).not.toBe(ruleContentHash(first));
  });

  it('a review made on an earlier content of the rule no longer counts: not reviewed, enabled, and says the version', () => {
    const row: RuleReviewRow = { ...blank, ruleId: first.id, ruleHash: ruleContentHash(first), ruleSetVersion: '1.2.0', disabledBy: 'p1', disabledAt: 5, disabledReason: 'noisy' };
    expect(reviewStateOf(first, row).status).toBe('disabled');
    const edited = { ...first, severity: 'moderate' as const };
    expect(reviewStateOf(edited, row)).toMatchObject({ status: 'not_reviewed', disabled: null, staleFrom: '1.2.0' });
  });
});

describe('rule review book', () => {
  it('disabledRuleIds reads once, then again only after a write (within the cache time)', async () => {
    const repo = memoryRepo();
    const book = createRuleReviewBook({ repo, ruleSet: () => set, clock: new ManualClock() });
    expect([...(await book.disabledRuleIds())]).toEqual([]);
    await book.disabledRuleIds();
    expect(repo.reads()).toBe(1);
    await book.save(first.id, { ...blank, disabledBy: 'p1', disabledAt: 10, disabledReason: 'duplicate of a local rule', updatedAt: 10 });
    expect([...(await book.disabledRuleIds())]).toEqual([first.id]);
    expect(repo.reads()).toBe(2);
    await book.save(first.id, { ...blank, enabledBy: 'p2', enabledAt: 11, enabledReason: 'needed after all', updatedAt: 11 });
    expect([...(await book.disabledRuleIds())]).toEqual([]);
    const found = await book.find(first.id);
    expect(found?.state).toMatchObject({ status: 'not_reviewed', enabled: { by: 'p2', reason: 'needed after all' } });
    expect(found?.row?.ruleSetVersion).toBe(set.version);
  });

  it('a rule edited in a later rule set version is enabled again and needs review again', async () => {
    const repo = memoryRepo();
    let current: InteractionRuleSet = set;
    const book = createRuleReviewBook({ repo, ruleSet: () => current, clock: new ManualClock() });
    await book.save(first.id, { ...blank, signedOffBy: 'p1', signedOffAt: 9, disabledBy: 'p1', disabledAt: 10, disabledReason: 'noisy', updatedAt: 10 });
    expect((await book.disabledRuleIds()).has(first.id)).toBe(true);
    const edited = { ...first, mechanism: `${first.mechanism} (revised)` };
    current = { ...set, version: '1.3.0', rules: [edited, ...set.rules.slice(1)] };
    const fresh = createRuleReviewBook({ repo, ruleSet: () => current, clock: new ManualClock() });
    expect((await fresh.disabledRuleIds()).has(first.id)).toBe(false);
    expect((await fresh.signedOffRuleIds()).has(first.id)).toBe(false);
    expect((await fresh.find(first.id))?.state).toMatchObject({ status: 'not_reviewed', staleFrom: set.version });
  });

  it("another instance's change (another book on the same table) is seen once the short cache time has passed", async () => {
    const repo = memoryRepo();
    const clock = new ManualClock();
    const [here, there] = [createRuleReviewBook({ repo, ruleSet: () => set, clock }), createRuleReviewBook({ repo, ruleSet: () => set, clock })];
    expect([...(await here.disabledRuleIds())]).toEqual([]);
    await there.save(first.id, { ...blank, disabledBy: 'p1', disabledAt: 10, disabledReason: 'noisy', updatedAt: 10 });
    expect([...(await there.disabledRuleIds())]).toEqual([first.id]);
    clock.advance(DISABLED_RULES_TTL_MS - 1);
    expect([...(await here.disabledRuleIds())]).toEqual([]);
    clock.advance(1);
    expect([...(await here.disabledRuleIds())]).toEqual([first.id]);
  });

  it('find answers undefined for a rule id the rule set does not have', async () => {
    const book = createRuleReviewBook({ repo: memoryRepo(), ruleSet: () => set, clock: new ManualClock() });
    expect(await book.find('no-such-rule')).toBeUndefined();
  });
});
