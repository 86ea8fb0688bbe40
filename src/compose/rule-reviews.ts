import { clinicianFacts } from '../domain/access/case-authorizer.js';
import { ruleSetRequest } from '../domain/access/access-facts.js';
import type { PolicyEngine } from '../domain/access/policy-engine.js';
import { lazyInteractionRuleSet } from '../domain/clinical/interaction-rules-loader.js';
import type { InteractionRuleSet } from '../domain/clinical/interaction-rule-set.js';
import { createRuleReviewBook } from '../domain/clinical/rule-review-book.js';
import type { RuleReviewRepository } from '../domain/clinical/rule-review-repository.js';
import type { ClinicianRow } from '../domain/directory/directory-repository.js';
import type { Clock } from '../shared/clock.js';

/**
 * The pharmacists' review of the interaction rule set (wiring only). `book` is the RuleReviews port the
 * interaction watch reads (disabledRuleIds), over the service's one lazily loaded rule set;
 * `mayReview` asks the access policy (`reviewRules`). Another instance's review change is seen within
 * the book's short cache time (rule-review-book.ts).
 */
export function createRuleReviewsModule(deps: { repo: RuleReviewRepository; engine: PolicyEngine; clock: Clock; ruleSet?: () => InteractionRuleSet }) {
  const ruleSet = deps.ruleSet ?? lazyInteractionRuleSet();
  const book = createRuleReviewBook({ repo: deps.repo, ruleSet, clock: deps.clock });
  const mayReview = (viewer: ClinicianRow, version: string) => deps.engine.decide(ruleSetRequest(clinicianFacts(viewer), version)).allowed;
  return { ruleSet, book, mayReview };
}

export type RuleReviewsModule = ReturnType<typeof createRuleReviewsModule>;
