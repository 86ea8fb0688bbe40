import { describe, expect, it } from 'vitest';
import { evaluateNormaliser, formatNormaliserEvaluation, readVariantCases } from '../../../src/cli/clinical-eval-normaliser.js';
import { readLexiconFile } from '../../../src/domain/clinical/lexicon-file.js';

describe('normaliser evaluation (variants test set)', () => {
  const cases = readVariantCases();

  it('When the test set is read, then it has several hundred rows and every expected entry exists in the lexicon', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const ids = new Set(readLexiconFile().entries.map((e) => e.id));
    expect(cases.filter((c) => c.entry !== null && !ids.has(c.entry)).map((c) => c.entry)).toEqual([]);
  });

  it('When a row expects an entry, then another entry of the same kind ranked above it is a miss; a row expecting none misses on any match', () => {
    const r = evaluateNormaliser([
      { text: '薄血丸', entry: 'drug.warfarin', cat: 'colloquial' },
      { text: '薄血丸', entry: 'drug.aspirin', cat: 'colloquial' },
      { text: '頭暈，食緊薄血丸', entry: 'drug.warfarin', cat: 'transcript' },
      { text: '今日天氣好好', entry: null, cat: 'negative' },
      { text: '薄血丸', entry: null, cat: 'negative' },
    ]);
    expect(r).toMatchObject({ total: 5, correct: 3, accuracy: 0.6 });
    expect(r.misses.map((m) => [m.expected, m.got])).toEqual([['drug.aspirin', ['drug.warfarin']], [null, ['drug.warfarin']]]);
    expect(r.byCategory).toEqual({ colloquial: { total: 2, correct: 1 }, transcript: { total: 1, correct: 1 }, negative: { total: 2, correct: 1 } });
    const text = formatNormaliserEvaluation(r);
    expect(text).toContain('60.0 % (3 of 5');
    expect(text).toContain('| colloquial | 2 | 1 | 50.0 % |');
    expect(text).toContain('colloquial: "薄血丸" expected drug.aspirin, got drug.warfarin');
    expect(text).toContain('negative: "薄血丸" expected no match, got drug.warfarin');
  });

  it('When the whole set is run, then at least 95 % of the variants map to the right entry (the goal is 97 %; misses are reported, not hidden)', () => {
    const r = evaluateNormaliser(cases);
    expect(r.accuracy, JSON.stringify(r.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
  });
});
