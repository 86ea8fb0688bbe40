import { DomainError } from '../../shared/errors.js';
import type { CaseProduct } from '../clinical/interaction-checker.js';
import type { MedicationEntry } from './medication.js';
import { INGREDIENT_PREFIX, type MedicationLexicon } from './medication-lexicon.js';

export interface ResolvedIngredients {
  /** Ingredient entry ids, one per active ingredient (combinations split), each once. */
  ingredients: string[];
  /** What could not be resolved: never checked, never "no interaction". */
  unresolved: string[];
}

/**
 * A medication's ingredients. The lexicon ids the doctor confirmed win (the form showed what the text
 * matched, how and with what score); without them, only a sure match of the text counts (exact or
 * converted, as an EHR's coded name is): a sound-alike guess nobody confirmed is kept as unresolved.
 * A confirmed id that is not a drug entry is `medication.unknown_term`.
 */
export function resolveIngredients(lexicon: MedicationLexicon, text: string, confirmed: readonly string[]): ResolvedIngredients {
  const inns: string[] = [];
  if (confirmed.length > 0) {
    for (const id of confirmed) {
      const r = lexicon.drugEntry(id);
      if (!r) throw new DomainError('medication.unknown_term');
      inns.push(...r.ingredients);
    }
  } else {
    const r = lexicon.resolveDrug(text);
    if (!r || r.how === 'sound-alike') return { ingredients: [], unresolved: [text] };
    inns.push(...r.ingredients);
  }
  return { ingredients: [...new Set(inns.map((inn) => lexicon.ingredientId(inn)))], unresolved: [] };
}

/** An ingredient id back to its INNs: its lexicon entry's, or the INN an `ingredient.<INN>` id names; undefined when neither. */
function innsOf(lexicon: Pick<MedicationLexicon, 'drugEntry'>, id: string): readonly string[] | undefined {
  return lexicon.drugEntry(id)?.ingredients ?? (id.startsWith(INGREDIENT_PREFIX) ? [id.slice(INGREDIENT_PREFIX.length)] : undefined);
}

/**
 * An entry as the interaction checker takes it: one product (its ingredients are never checked against
 * each other), resolved to INNs. An entry with nothing resolved, with unresolved names, or with an
 * ingredient id that no longer maps to an INN is a product the checker reports unresolved: never checked
 * on part of its ingredients as if that were all of them.
 */
export function medicationProduct(lexicon: Pick<MedicationLexicon, 'drugEntry'>, entry: MedicationEntry): CaseProduct {
  const mapped = entry.ingredients.map((id) => innsOf(lexicon, id));
  const inns = [...new Set(mapped.flatMap((x) => x ?? []))];
  const prescriber = entry.prescriberId ?? undefined;
  if (inns.length === 0 || entry.unresolved.length > 0 || mapped.some((x) => x === undefined)) return { name: entry.text, resolution: undefined, ...(prescriber ? { prescriber } : {}) };
  return {
    name: entry.text,
    resolution: { entry: entry.ingredients.join('+'), canonical: inns.join('/'), ingredients: inns, how: 'exact', score: 1 },
    ...(prescriber ? { prescriber } : {}),
  };
}
