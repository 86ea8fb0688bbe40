import type { ClinicalNormaliser } from '../clinical/clinical-normaliser.js';
import type { DrugResolution, DrugResolver } from '../clinical/drug-resolver.js';
import { withIngredientIds } from '../clinical/ingredient-id-resolver.js';

/** Prefix of an ingredient the rule set knows but the lexicon has no entry of its own for. */
export const INGREDIENT_PREFIX = 'ingredient.';

/**
 * What the medication list needs of the HK clinical lexicon: resolve a name, open an entry id the doctor
 * confirmed, and name each ingredient by an entry id. Both the lexicon and the rule set load at first use.
 */
export interface MedicationLexicon extends DrugResolver {
  /** A drug entry id (or `ingredient.<INN>` of the rule set) as an exact resolution; undefined when unknown. */
  drugEntry(id: string): DrugResolution | undefined;
  /** The entry id naming one ingredient: its own lexicon entry, else `ingredient.<INN>`. */
  ingredientId(inn: string): string;
}

/**
 * The lexicon (names, brands, Chinese, combinations) with the interaction rule set's own ingredient ids,
 * so an INN the rules know is never unresolved because the lexicon lacks it.
 */
export function createMedicationLexicon(
  normaliser: Pick<ClinicalNormaliser, 'resolveDrug' | 'drugEntry' | 'entryForIngredient'>,
  ruleIngredients: () => ReadonlySet<string>,
): MedicationLexicon {
  const resolver = withIngredientIds(normaliser, ruleIngredients);
  return {
    resolveDrug: (name) => resolver.resolveDrug(name),
    drugEntry(id) {
      const own = normaliser.drugEntry(id);
      if (own) return own;
      if (!id.startsWith(INGREDIENT_PREFIX)) return undefined;
      const inn = id.slice(INGREDIENT_PREFIX.length);
      return ruleIngredients().has(inn) ? { entry: id, canonical: inn, ingredients: [inn], how: 'exact', score: 1 } : undefined;
    },
    ingredientId: (inn) => normaliser.entryForIngredient(inn) ?? `${INGREDIENT_PREFIX}${inn}`,
  };
}
