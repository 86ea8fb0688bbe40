export interface RuleReviews { disabledRuleIds(): Promise<ReadonlySet<string>> }
