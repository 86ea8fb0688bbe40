import { DomainError } from '../../shared/errors.js';
import type { CaseProduct } from '../clinical/interaction-checker.js';
import type { MedicationEntry } from './medication.js';
import type { MedicationLexicon } from './medication-lexicon.js';

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

/**
 * An entry as the interaction checker takes it: one product (its ingredients are never checked against
 * each other), resolved to INNs; an entry with nothing resolved is a product the checker reports unresolved.
 */
export function medicationProduct(lexicon: Pick<MedicationLexicon, 'drugEntry'>, entry: MedicationEntry): CaseProduct {
  const inns = [...new Set(entry.ingredients.flatMap((id) => lexicon.drugEntry(id)?.ingredients ?? []))];
  const prescriber = entry.prescriberId ?? undefined;
  if (inns.length === 0 || entry.unresolved.length > 0) return { name: entry.text, resolution: undefined, ...(prescriber ? { prescriber } : {}) };
  return {
    name: entry.text,
    resolution: { entry: entry.ingredients.join('+'), canonical: inns.join('/'), ingredients: inns, how: 'exact', score: 1 },
    ...(prescriber ? { prescriber } : {}),
  };
}
