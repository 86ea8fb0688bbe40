import { createClinicalNormaliser, type ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { withIngredientIds } from '../domain/clinical/ingredient-id-resolver.js';
import { createInteractionChecker } from '../domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../domain/clinical/interaction-rules-loader.js';
import type { InteractionsDeps } from './clinical-interactions.js';

/**
 * The rule set (loaded at the first check) and the resolver for drug names: the HK clinical lexicon
 * (loaded at its first use), with the rule set's own ingredient ids for INNs the lexicon lacks.
 */
export function interactionDeps(normaliser: ClinicalNormaliser = createClinicalNormaliser()): InteractionsDeps {
  const ruleSet = lazyInteractionRuleSet();
  return { resolver: withIngredientIds(normaliser, () => ruleSet().ingredients), checker: createInteractionChecker(ruleSet) };
}
