import { describe, expect, it } from 'vitest';
import { createClinicalNormaliser } from '../../src/domain/clinical/clinical-normaliser.js';
import { createInteractionChecker } from '../../src/domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { createMedicationLexicon } from '../../src/domain/medications/medication-lexicon.js';
import type { MedicationEntry } from '../../src/domain/medications/medication.js';
import { medicationProduct, resolveIngredients } from '../../src/domain/medications/resolve-ingredients.js';
import { checkMedicationInput } from '../../src/usecases/medications/medication-input.js';

const ruleSet = lazyInteractionRuleSet();
const lexicon = createMedicationLexicon(createClinicalNormaliser(), () => ruleSet().ingredients);

const entry = (text: string, ingredients: string[], unresolved: string[] = [], prescriberId = 'dr-a'): MedicationEntry => ({
  id: text, caseId: 'c', source: 'clinician', ehrRef: null, text, ingredients, unresolved, dose: null, route: null, frequency: null,
  prescriberId, prescriberName: null, institutionId: null, startOn: null, stopOn: null, status: 'active', createdAt: 1, createdBy: prescriberId,
});

describe('a medication’s ingredients', () => {
  it('When the doctor confirmed lexicon ids, then those win over what the text says', () => {
    expect(resolveIngredients(lexicon, 'whatever I typed', ['drug.warfarin'])).toEqual({ ingredients: ['drug.warfarin'], unresolved: [] });
  });

  it('When a fixed-dose combination is named (brand, Chinese or INN/INN), then it is split into one id per ingredient', () => {
    expect(resolveIngredients(lexicon, 'Augmentin', []).ingredients).toEqual(['drug.amoxicillin', 'drug.clavulanic-acid']);
    expect(resolveIngredients(lexicon, '', ['drug.co-amoxiclav']).ingredients).toEqual(['drug.amoxicillin', 'drug.clavulanic-acid']);
    // An ingredient the lexicon has no entry of its own for is named by the rule set's INN.
    expect(resolveIngredients(lexicon, 'Tazocin', []).ingredients).toEqual(['drug.piperacillin', 'ingredient.tazobactam']);
  });

  it('When the text only sounds like a drug and nobody confirmed it, then it is kept unresolved (never "no interaction")', () => {
    expect(lexicon.resolveDrug('华法令')?.how).toBe('sound-alike');
    expect(resolveIngredients(lexicon, '华法令', [])).toEqual({ ingredients: [], unresolved: ['华法令'] });
    expect(resolveIngredients(lexicon, 'Zzyxoprin', [])).toEqual({ ingredients: [], unresolved: ['Zzyxoprin'] });
  });

  it('When a confirmed id is not a drug entry, then medication.unknown_term', () => {
    expect(() => resolveIngredients(lexicon, 'x', ['dx.parkinsons-disease'])).toThrow(expect.objectContaining({ code: 'medication.unknown_term' }));
    expect(() => resolveIngredients(lexicon, 'x', ['ingredient.not-a-drug'])).toThrow(expect.objectContaining({ code: 'medication.unknown_term' }));
  });

  it('Entries become the checker’s products: warfarin against co-trimoxazole alerts across prescribers; a combination never against itself; unresolved is reported', () => {
    const checker = createInteractionChecker(ruleSet);
    const products = [
      entry('薄血丸', resolveIngredients(lexicon, '薄血丸', []).ingredients, [], 'dr-a'),
      entry('Septrin', resolveIngredients(lexicon, '', ['drug.co-trimoxazole']).ingredients, [], 'dr-b'),
      entry('Augmentin', resolveIngredients(lexicon, 'Augmentin', []).ingredients, [], 'dr-b'),
      entry('Zzyxoprin', [], ['Zzyxoprin'], 'dr-b'),
    ].map((e) => medicationProduct(lexicon, e));
    expect(products[1]!.resolution?.ingredients).toEqual(['sulfamethoxazole', 'trimethoprim']);
    const result = checker.check(products);
    expect(result.alerts.some((a) => a.products[0] === 0 && a.products[1] === 1 && a.crossPrescriber)).toBe(true);
    expect(result.alerts.some((a) => a.products[0] === a.products[1])).toBe(false);
    expect(result.unresolved).toEqual(['Zzyxoprin']);
  });

  it('An ingredient id that no longer maps to an INN makes the whole entry unresolved, never checked on its other ingredients alone', () => {
    expect(medicationProduct(lexicon, entry('Tazocin', ['drug.piperacillin', 'ingredient.tazobactam'])).resolution?.ingredients).toEqual(['piperacillin', 'tazobactam']);
    expect(medicationProduct(lexicon, entry('Old', ['drug.warfarin', 'drug.withdrawn-from-lexicon'])).resolution).toBeUndefined();
  });
});

describe('a medication form', () => {
  it('trims fields, keeps empty ones null, and refuses impossible or reversed dates', () => {
    expect(checkMedicationInput({ text: ' aspirin ', dose: ' ', route: 'oral ', startOn: '2024-02-29', confirmed: [] })).toEqual({
      text: 'aspirin', dose: null, route: 'oral', frequency: null, startOn: '2024-02-29', stopOn: null,
    });
    for (const startOn of ['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1']) {
      expect(() => checkMedicationInput({ text: 'a', startOn, confirmed: [] })).toThrow(expect.objectContaining({ code: 'medication.date_invalid' }));
    }
    expect(() => checkMedicationInput({ text: 'a', startOn: '2026-02-02', stopOn: '2026-02-01', confirmed: [] })).toThrow(expect.objectContaining({ code: 'medication.date_invalid' }));
    expect(() => checkMedicationInput({ text: '', confirmed: [] })).toThrow(expect.objectContaining({ code: 'request.invalid' }));
  });
});
