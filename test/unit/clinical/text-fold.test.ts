import { describe, expect, it } from 'vitest';
import { foldTerm, foldText } from '../../../src/domain/clinical/text-fold.js';

describe('clinical text folding', () => {
  it('When Chinese input methods type full-width Latin and digits, then they fold to ASCII, lower-cased', () => {
    expect(foldTerm('ＷＡＲＦＡＲＩＮ　５ｍｇ')).toBe('warfarin 5mg');
    expect(foldText('ＡＦ').cased).toBe('AF');
  });

  it('When dashes, apostrophes, joiners and runs of spaces differ, then the folded forms meet', () => {
    expect(foldTerm("Parkinson's disease")).toBe(foldTerm('Parkinsons  disease'));
    expect(foldTerm('co-amoxiclav')).toBe('co amoxiclav');
    expect(foldTerm('paracetamol + codeine')).toBe('paracetamol/codeine');
    expect(foldTerm('U & E')).toBe(foldTerm('U/E'));
    expect(foldTerm(' TMP / SMX ')).toBe('tmp/smx');
  });

  it('When text is folded, then each folded character points back at the character it came from', () => {
    const input = 'Ｘ  华法林';
    const f = foldText(input);
    expect(f.text).toBe('x 华法林');
    expect(f.at.slice(0, f.text.length).map((i) => input[i])).toEqual(['Ｘ', ' ', '华', '法', '林']);
    expect(f.at[f.text.length]).toBe(input.length);
  });

  it('When Chinese text is folded, then it is unchanged (Simplified/Traditional is the lexicon index’s job)', () => {
    expect(foldTerm('柏金遜')).toBe('柏金遜');
  });
});
