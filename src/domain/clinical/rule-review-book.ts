/**
 * The pharmacists' reviews of the interaction rule set in use: each rule's state (rule-review-state.ts)
 * and the RuleReviews port the interaction watch reads. The disabled ids are kept in memory for a
 * short time (`ttlMs`, default 2 s) and dropped whenever this book writes a review: the instance that
 * saved a change sees it at its next check, every other instance of a cluster within the TTL.
 */
import type { Clock } from '../../shared/clock.js';
import type { InteractionRuleSet } from './interaction-rule-set.js';
import type { RuleDefinition } from './interaction-rule-schema.js';
import type { RuleReviewRepository, RuleReviewRow } from './rule-review-repository.js';
import { reviewStateOf, ruleContentHash, type RuleReviewState } from './rule-review-state.js';
import type { RuleReviews } from './rule-reviews.js';

export interface RuleReviewBook extends RuleReviews {
  /** The rule set in use (loaded at the first call). */
  ruleSet(): InteractionRuleSet;
  /** Every rule of the rule set with its review state, in the file's order. */
  states(): Promise<{ rule: RuleDefinition; state: RuleReviewState }[]>;
  /** One rule and its state; undefined when the rule set has no such rule. */
  find(ruleId: string): Promise<{ rule: RuleDefinition; state: RuleReviewState; row: RuleReviewRow | undefined } | undefined>;
  /** Writes a rule's review row (made on the rule's current content) and drops the cached disabled ids. */
  save(ruleId: string, change: Omit<RuleReviewRow, 'ruleId' | 'ruleHash' | 'ruleSetVersion'>): Promise<void>;
  /** Rule ids signed off on their current content. */
  signedOffRuleIds(): Promise<ReadonlySet<string>>;
}

/** How long another instance's review change may go unseen here. */
export const DISABLED_RULES_TTL_MS = 2000;

export function createRuleReviewBook(deps: {
  repo: Pick<RuleReviewRepository, 'all' | 'find' | 'put'>;
  ruleSet: () => InteractionRuleSet;
  clock: Clock;
  ttlMs?: number;
}): RuleReviewBook {
  const ttlMs = deps.ttlMs ?? DISABLED_RULES_TTL_MS;
  const hashes = new Map<string, string>();
  const hashOf = (rule: RuleDefinition) => {
    let h = hashes.get(rule.id);
    if (h === undefined) hashes.set(rule.id, (h = ruleContentHash(rule)));
    return h;
  };
  const ruleById = (id: string) => deps.ruleSet().rules.find((r) => r.id === id);
  let disabled: { read: Promise<ReadonlySet<string>>; at: number } | undefined;

  async function states() {
    const rows = new Map((await deps.repo.all()).map((r) => [r.ruleId, r]));
    return deps.ruleSet().rules.map((rule) => ({ rule, state: reviewStateOf(rule, rows.get(rule.id), hashOf(rule)) }));
  }
  const idsWith = async (status: RuleReviewState['status'] | 'signed_off') => {
    const all = await states();
    return new Set(all.filter(({ state }) => (status === 'signed_off' ? state.signedOff !== null : state.status === status)).map(({ rule }) => rule.id));
  };

  return {
    ruleSet: deps.ruleSet,
    states,
    disabledRuleIds() {
      const now = deps.clock.now();
      if (!disabled || now - disabled.at >= ttlMs) disabled = { read: idsWith('disabled'), at: now };
      const kept = disabled;
      // A failed read is not kept: the next check asks again.
      kept.read.catch(() => {
        if (disabled === kept) disabled = undefined;
      });
      return kept.read;
    },
    signedOffRuleIds: () => idsWith('signed_off'),
    async find(ruleId) {
      const rule = ruleById(ruleId);
      if (!rule) return undefined;
      const row = await deps.repo.find(ruleId);
      return { rule, row, state: reviewStateOf(rule, row, hashOf(rule)) };
    },
    async save(ruleId, change) {
      const rule = ruleById(ruleId);
      if (!rule) throw new Error(`no rule ${ruleId} in the rule set`);
      disabled = undefined;
      await deps.repo.put({ ruleId, ruleHash: hashOf(rule), ruleSetVersion: deps.ruleSet().version, ...change });
      disabled = undefined;
    },
  };
}
