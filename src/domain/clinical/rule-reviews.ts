/**
 * The port the interaction watch reads before each check: the ids of the interaction rules a pharmacist
 * has disabled for the rule set version in use. The checker skips them (CheckOptions.disabledRules).
 * An implementation may cache the answer, but must drop the cache whenever a rule is disabled or
 * re-enabled, so the next check sees the change.
 */
export interface RuleReviews {
  disabledRuleIds(): Promise<ReadonlySet<string>>;
}
