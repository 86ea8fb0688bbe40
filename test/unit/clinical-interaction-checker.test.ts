import { describe, expect, it } from 'vitest';
import { createInteractionChecker } from '../../src/domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { product } from './clinical-fixtures.js';

const checker = createInteractionChecker(lazyInteractionRuleSet());

describe('interaction checker', () => {
  it('When warfarin and metronidazole come from two prescribers, then one major alert names both as entered, with sources, across prescribers', () => {
    const { alerts, unresolved } = checker.check([product('Warfarin 3mg', ['warfarin'], 'dr-a'), product('Flagyl', ['metronidazole'], 'dr-b')]);
    expect(unresolved).toEqual([]);
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a).toMatchObject({ drugs: ['Warfarin 3mg', 'Flagyl'], ingredients: ['warfarin', 'metronidazole'], severity: 'major', rule: 'anticoag-warfarin-metronidazole', crossPrescriber: true, reviewed: false });
    expect(a!.mechanism).toMatch(/CYP2C9/);
    expect(a!.sources.length).toBeGreaterThan(0);
    expect(a!.alternatives.length).toBeGreaterThan(0);
  });

  it('When both products come from one prescriber (or one is unknown), then the alert is not marked cross-prescriber', () => {
    expect(checker.check([product('warfarin', ['warfarin'], 'dr-a'), product('metronidazole', ['metronidazole'], 'dr-a')]).alerts[0]!.crossPrescriber).toBe(false);
    expect(checker.check([product('warfarin', ['warfarin'], 'dr-a'), product('metronidazole', ['metronidazole'])]).alerts[0]!.crossPrescriber).toBe(false);
  });

  it('When the interacting ingredients are in one co-formulated product, then there is no alert', () => {
    expect(checker.check([product('combo', ['warfarin', 'metronidazole'])]).alerts).toEqual([]);
    expect(checker.check([product('combo', ['simvastatin', 'clarithromycin']), product('paracetamol', ['paracetamol-not-in-rules'])]).alerts).toEqual([]);
  });

  it('When one ingredient of a combination interacts with another product, then the alert names the combination', () => {
    const { alerts } = checker.check([product('co-trimoxazole', ['sulfamethoxazole', 'trimethoprim']), product('MTX', ['methotrexate'])]);
    expect(alerts.map((a) => [a.drugs, a.rule])).toEqual([[['co-trimoxazole', 'MTX'], 'abx-trimethoprim-methotrexate']]);
  });

  it('When a name could not be resolved, then it is listed as unresolved (once) and the rest is still checked', () => {
    const { alerts, unresolved } = checker.check([product('薄血丸?', undefined), product('warfarin', ['warfarin']), product('ibuprofen', ['ibuprofen']), product('薄血丸?', undefined)]);
    expect(unresolved).toEqual(['薄血丸?']);
    expect(alerts.map((a) => a.rule)).toEqual(['anticoag-vka-nsaids']);
    expect(checker.check([product('x', undefined), product('y', [])]).unresolved).toEqual(['x', 'y']);
  });

  it('When a pair matches several rules, then the most severe is the alert and the others are listed', () => {
    const [a] = checker.check([product('pimozide', ['pimozide']), product('clarithromycin', ['clarithromycin'])]).alerts;
    expect(a).toMatchObject({ rule: 'qt-pimozide-cyp3a4-inhibitors', severity: 'contraindicated' });
    expect(a!.otherRules).toContain('onc08-qt-qt');
  });

  it('When a rule is disabled, then it is skipped and the next rule (if any) applies', () => {
    const pair = [product('pimozide', ['pimozide']), product('clarithromycin', ['clarithromycin'])];
    const [a] = checker.check(pair, { disabledRules: new Set(['qt-pimozide-cyp3a4-inhibitors']) }).alerts;
    expect(a).toMatchObject({ rule: 'onc08-qt-qt', severity: 'major' });
    expect(a!.otherRules).not.toContain('qt-pimozide-cyp3a4-inhibitors');
    const none = checker.check(pair, { disabledRules: new Set(['qt-pimozide-cyp3a4-inhibitors', 'onc08-qt-qt']) });
    expect(none.alerts).toEqual([]);
  });

  it('When there are several alerts, then they come most severe first', () => {
    const { alerts } = checker.check([
      product('warfarin', ['warfarin']),
      product('paracetamol', ['paracetamol']),
      product('simvastatin', ['simvastatin']),
      product('clarithromycin', ['clarithromycin']),
      product('ibuprofen', ['ibuprofen']),
    ]);
    const severities = alerts.map((a) => a.severity);
    expect(severities[0]).toBe('contraindicated');
    expect(severities).toEqual([...severities].sort((x, y) => ['contraindicated', 'major', 'moderate'].indexOf(x) - ['contraindicated', 'major', 'moderate'].indexOf(y)));
    expect(alerts.map((a) => a.rule)).toEqual(expect.arrayContaining(['onc11-simvastatin-lovastatin-strong-cyp3a4-inhibitors', 'anticoag-vka-nsaids', 'anticoag-warfarin-paracetamol', 'anticoag-warfarin-antibiotics']));
  });

  it('When the same product is entered twice by the same prescriber, then its alert is reported once', () => {
    const { alerts } = checker.check([product('warfarin', ['warfarin'], 'dr-a'), product('warfarin', ['warfarin'], 'dr-a'), product('ibuprofen', ['ibuprofen'], 'dr-b')]);
    expect(alerts).toHaveLength(1);
  });

  it('When checked, then the result names the rule set version and hash', () => {
    const { ruleSet } = checker.check([]);
    expect(ruleSet.version).toBe(checker.ruleSet().version);
    expect(ruleSet.hash).toHaveLength(64);
  });
});
