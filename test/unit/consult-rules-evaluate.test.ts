import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConsultRules, parseConsultRuleText, type ConsultRule } from '../../src/domain/consult-rules/consult-rule-schema.js';
import { compileRules, matchDocument, matchObservation, type ObservationItem } from '../../src/domain/consult-rules/evaluate-rules.js';
import { convertUnit } from '../../src/domain/consult-rules/units.js';

const shipped = (): ConsultRule[] => {
  const parsed = parseConsultRuleText(readFileSync('config/consult-rules.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.set.rules;
};
const ids = (rules: { id: string }[]) => rules.map((r) => r.id);
const loinc = (code: string, value: number, unit: string): ObservationItem => ({ codes: [{ system: 'http://loinc.org', code }], value, unit });

describe('consult rules: the shipped file', () => {
  const compiled = compileRules(shipped());

  it('When an ECG is flagged STEMI? (any case), then ecg-stemi fires; unflagged or another type does not', () => {
    expect(ids(matchDocument(compiled, { docType: 'ecg', flags: ['stemi?'] }))).toEqual(['ecg-stemi']);
    expect(matchDocument(compiled, { docType: 'ecg', flags: [] })).toEqual([]);
    expect(matchDocument(compiled, { docType: 'report', flags: ['STEMI?'] })).toEqual([]);
  });

  it('When troponin is above 52 ng/L, then troponin-high fires; at the threshold it does not (strict >)', () => {
    expect(ids(matchObservation(compiled, loinc('6598-7', 53, 'ng/L')).fired)).toEqual(['troponin-high']);
    expect(matchObservation(compiled, loinc('89579-7', 52, 'ng/L')).fired).toEqual([]);
  });

  it('When troponin comes in ng/mL or µg/L, then it is converted before the threshold', () => {
    expect(ids(matchObservation(compiled, loinc('10839-9', 0.06, 'ng/mL')).fired)).toEqual(['troponin-high']);
    expect(matchObservation(compiled, loinc('10839-9', 0.05, 'ng/mL')).fired).toEqual([]);
    expect(ids(matchObservation(compiled, loinc('6598-7', 0.1, 'µg/L')).fired)).toEqual(['troponin-high']);
  });

  it('When potassium is critical high or low, then potassium-critical fires; normal or at the edges does not', () => {
    expect(ids(matchObservation(compiled, loinc('2823-3', 6.4, 'mmol/L')).fired)).toEqual(['potassium-critical']);
    expect(ids(matchObservation(compiled, loinc('6298-4', 2.2, 'mEq/L')).fired)).toEqual(['potassium-critical']);
    for (const v of [4.1, 6.0, 2.5]) expect(matchObservation(compiled, loinc('2823-3', v, 'mmol/L')).fired).toEqual([]);
  });

  it('When a unit does not convert (another dimension or unknown), then the rule does not fire and is named as a unit mismatch', () => {
    const m = matchObservation(compiled, loinc('2823-3', 9, 'mg/dL'));
    expect(m.fired).toEqual([]);
    expect(ids(m.unitMismatch)).toEqual(['potassium-critical']);
    expect(ids(matchObservation(compiled, loinc('2823-3', 9, 'furlongs')).unitMismatch)).toEqual(['potassium-critical']);
  });

  it('When the code is from another system, then no rule fires', () => {
    expect(matchObservation(compiled, { codes: [{ system: 'http://snomed.info/sct', code: '2823-3' }], value: 9, unit: 'mmol/L' }).fired).toEqual([]);
  });
});

describe('consult rules: evaluator details', () => {
  const base = shipped()[0]!;
  const rule = (id: string, document: ConsultRule['match']['document'], enabled = true): ConsultRule => ({ ...base, id, enabled, match: { document } });

  it('When a rule is disabled, then it never fires', () => {
    const c = compileRules([rule('off', { types: ['ecg'] }, false)]);
    expect(c.size).toBe(0);
    expect(matchDocument(c, { docType: 'ecg', flags: [] })).toEqual([]);
  });

  it('When a rule names only a flag, then any document type with the flag fires it, once', () => {
    const c = compileRules([rule('flag-only', { flags: ['CRIT', 'crit2'] }), rule('type-only', { types: ['lab'] })]);
    expect(ids(matchDocument(c, { docType: 'lab', flags: ['crit', 'CRIT2'] }))).toEqual(['type-only', 'flag-only']);
    expect(ids(matchDocument(c, { docType: 'imaging', flags: ['crit2'] }))).toEqual(['flag-only']);
  });

  it('converts between units of one dimension only', () => {
    expect(convertUnit(0.05, 'ng/mL', 'ng/L')).toBeCloseTo(50);
    expect(convertUnit(50, 'pg/mL', 'ng/L')).toBe(50);
    expect(convertUnit(5, 'mmol/L', 'ng/L')).toBeUndefined();
  });
});

describe('consult rules: validation problems name a path and a code', () => {
  it('When the text is not JSON, then one json problem', () => {
    const p = parseConsultRuleText('{ rules: ');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0]).toMatchObject({ path: '', code: 'json' });
  });

  it('When a rule has a bad severity, an unknown specialty, an unknown unit and a duplicate id, then each is a problem at its path', () => {
    const rules = shipped().map((r) => structuredClone(r));
    (rules[0] as { severity: string }).severity = 'soon';
    (rules[1] as { specialty: string }).specialty = 'astrology';
    rules[2]!.match.observation!.unit = 'furlongs';
    rules.push({ ...rules[1]!, specialty: 'cardiology' });
    const p = parseConsultRules({ rules });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const at = p.problems.map((x) => `${x.path}:${x.code}`);
    expect(at).toEqual(expect.arrayContaining(['rules.0.severity:invalid_value', 'rules.1.specialty:invalid_value', 'rules.2.match.observation.unit:custom', 'rules.3.id:custom']));
  });

  it('When a rule matches neither or both item kinds, or names an unknown field, then it is refused', () => {
    const r = shipped()[0]!;
    expect(parseConsultRules({ rules: [{ ...r, match: {} }] }).ok).toBe(false);
    expect(parseConsultRules({ rules: [{ ...r, match: { document: {} } }] }).ok).toBe(false);
    expect(parseConsultRules({ rules: [{ ...r, grant: 'all' }] }).ok).toBe(false);
  });
});
