/**
 * A minimal DrugResolver for when the HK clinical lexicon is not available: it resolves a name only when
 * it is, letter for letter (case and spacing aside), an ingredient id of the rule set, or such ids joined
 * by "/" or "+" (a fixed-dose combination). No synonyms, brands, US names or Chinese: everything else is
 * reported unresolved, never guessed.
 */
import type { DrugResolution, DrugResolver } from './drug-resolver.js';

export function createIngredientIdResolver(known: () => ReadonlySet<string>): DrugResolver {
  return {
    resolveDrug(name: string): DrugResolution | undefined {
      const text = name.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!text) return undefined;
      const parts = text.split(/\s*[/+]\s*/);
      const ids = known();
      if (!parts.every((p) => ids.has(p))) return undefined;
      const ingredients = [...new Set(parts)];
      return { entry: `ingredient.${ingredients.join('+')}`, canonical: ingredients.join('/'), ingredients, how: 'exact', score: 1 };
    },
  };
}

/**
 * The lexicon first, for exact and converted matches (brands, Chinese, combinations); then the rule
 * set's own ingredient ids, so an INN the rules know is never unresolved because the lexicon lacks it;
 * a sound-alike match from the lexicon only when neither finds the name exactly.
 */
export function withIngredientIds(lexicon: DrugResolver, known: () => ReadonlySet<string>): DrugResolver {
  const ids = createIngredientIdResolver(known);
  return {
    resolveDrug(name: string): DrugResolution | undefined {
      const fromLexicon = lexicon.resolveDrug(name);
      if (fromLexicon && fromLexicon.how !== 'sound-alike') return fromLexicon;
      return ids.resolveDrug(name) ?? fromLexicon;
    },
  };
}
