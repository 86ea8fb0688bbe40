import type { DrugResolution } from '../clinical/drug-resolver.js';
import type { CaseProduct } from '../clinical/interaction-checker.js';
import type { MedicationEntry } from '../medications/medication.js';

/** A drug's lexicon entry by id: its canonical name and active ingredients (INN, lower case). */
export type DrugEntryLookup = (lexiconId: string) => { readonly canonical: string; readonly ingredients: readonly string[] } | undefined;

const INGREDIENT_PREFIX = 'ingredient.';

/**
 * What a medication entry's confirmed lexicon ids stand for, as one product: every ingredient of every
 * id together (a combination is co-formulated, never checked against itself). `ingredient.a+b` ids (the
 * rule set's own ingredient names) stand for themselves. Undefined when the entry has no ids, or one of
 * them is unknown: the entry is then unresolved, never treated as interaction-free.
 */
export function resolveEntry(entry: Pick<MedicationEntry, 'ingredients'>, lookup: DrugEntryLookup): DrugResolution | undefined {
  if (entry.ingredients.length === 0) return undefined;
  const canonical: string[] = [];
  const ingredients = new Set<string>();
  for (const id of entry.ingredients) {
    if (id.startsWith(INGREDIENT_PREFIX)) {
      const parts = id.slice(INGREDIENT_PREFIX.length).split('+').filter(Boolean);
      canonical.push(parts.join('/'));
      parts.forEach((p) => ingredients.add(p));
      continue;
    }
    const drug = lookup(id);
    if (!drug) return undefined;
    canonical.push(drug.canonical);
    drug.ingredients.forEach((i) => ingredients.add(i));
  }
  return { entry: entry.ingredients.join('+'), canonical: canonical.join('/'), ingredients: [...ingredients], how: 'exact', score: 1 };
}

/** The entry as the checker sees it: its name as entered, what it resolved to, and its prescriber. */
export function productOf(entry: MedicationEntry, lookup: DrugEntryLookup): CaseProduct {
  return { name: entry.text, resolution: resolveEntry(entry, lookup), ...(entry.prescriberId ? { prescriber: entry.prescriberId } : {}) };
}

/** The entry cannot be (fully) checked: names the lexicon could not resolve, or no confirmed drug at all. */
export const isUnchecked = (entry: MedicationEntry, lookup: DrugEntryLookup): boolean =>
  entry.unresolved.length > 0 || resolveEntry(entry, lookup) === undefined;
