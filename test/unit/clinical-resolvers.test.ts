import { describe, expect, it } from 'vitest';
import type { DrugResolver } from '../../src/domain/clinical/drug-resolver.js';
import { createIngredientIdResolver, withIngredientIds } from '../../src/domain/clinical/ingredient-id-resolver.js';

const known = () => new Set(['warfarin', 'metronidazole', 'sulfamethoxazole', 'trimethoprim', 'capecitabine']);

describe('ingredient-id resolver', () => {
  const ids = createIngredientIdResolver(known);

  it('When a name is an ingredient id (any case or spacing), then it resolves exactly; combinations split on / or +', () => {
    expect(ids.resolveDrug('  Warfarin ')).toEqual({ entry: 'ingredient.warfarin', canonical: 'warfarin', ingredients: ['warfarin'], how: 'exact', score: 1 });
    expect(ids.resolveDrug('sulfamethoxazole/trimethoprim')?.ingredients).toEqual(['sulfamethoxazole', 'trimethoprim']);
    expect(ids.resolveDrug('sulfamethoxazole + trimethoprim')?.ingredients).toEqual(['sulfamethoxazole', 'trimethoprim']);
  });

  it('When any part is not an ingredient id (brand, US name, Chinese, empty), then it is unresolved', () => {
    for (const name of ['Coumadin', 'acetaminophen', '薄血丸', '', 'warfarin/amoxicillin']) expect(ids.resolveDrug(name)).toBeUndefined();
  });
});

describe('lexicon with the rule set ingredient ids as a fallback', () => {
  const lexicon: DrugResolver = {
    resolveDrug: (name) =>
      name === '薄血丸' ? { entry: 'drug.warfarin', canonical: 'warfarin', ingredients: ['warfarin'], how: 'exact', score: 1 }
      : name === 'capecitabin' || name === 'capecitabine' ? { entry: 'drug.capsaicin', canonical: 'capsaicin', ingredients: ['capsaicin'], how: 'sound-alike', score: 0.6 }
      : undefined,
  };
  const resolver = withIngredientIds(lexicon, known);

  it('When the lexicon matches exactly, then its entry is used', () => {
    expect(resolver.resolveDrug('薄血丸')?.entry).toBe('drug.warfarin');
  });

  it('When the lexicon lacks an INN the rules know, or only sounds it out, then the ingredient id wins; else the sound-alike stands', () => {
    expect(resolver.resolveDrug('metronidazole')?.ingredients).toEqual(['metronidazole']);
    expect(resolver.resolveDrug('capecitabine')?.ingredients).toEqual(['capecitabine']);
    expect(resolver.resolveDrug('capecitabin')?.how).toBe('sound-alike');
    expect(resolver.resolveDrug('nothing')).toBeUndefined();
  });
});
