import type { DrugResolution, DrugResolver } from '../../src/domain/clinical/drug-resolver.js';
import type { CaseProduct } from '../../src/domain/clinical/interaction-checker.js';

/** A resolution for a product with these ingredients (entry id from them). */
export function resolution(...ingredients: string[]): DrugResolution {
  return { entry: `drug.${ingredients.join('+')}`, canonical: ingredients.join('/'), ingredients, how: 'exact', score: 1 };
}

/** A product on a case: its name, ingredients and (optionally) prescriber. */
export function product(name: string, ingredients: string[] | undefined, prescriber?: string): CaseProduct {
  return { name, resolution: ingredients ? resolution(...ingredients) : undefined, ...(prescriber ? { prescriber } : {}) };
}

/** A small in-test resolver: names (any case) → ingredients; anything else is unresolved. */
export function stubResolver(names: Record<string, string[]>): DrugResolver {
  const byName = new Map(Object.entries(names).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    resolveDrug: (name) => {
      const ingredients = byName.get(name.trim().toLowerCase());
      return ingredients ? resolution(...ingredients) : undefined;
    },
  };
}
