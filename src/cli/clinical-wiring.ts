import { createIngredientIdResolver } from '../domain/clinical/ingredient-id-resolver.js';
import { createInteractionChecker } from '../domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../domain/clinical/interaction-rules-loader.js';
import type { InteractionsDeps } from './clinical-interactions.js';

/** The rule set (loaded at the first check) and the resolver for drug names. */
export function interactionDeps(): InteractionsDeps {
  const ruleSet = lazyInteractionRuleSet();
  // Until the HK clinical lexicon is wired in, names resolve only when they are ingredient ids.
  return { resolver: createIngredientIdResolver(() => ruleSet().ingredients), checker: createInteractionChecker(ruleSet) };
}
