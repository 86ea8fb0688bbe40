import { describe, expect, it } from 'vitest';
import { evaluateInteractions, parseEvalCases } from '../../src/cli/clinical-eval-interactions.js';
import { createInteractionChecker } from '../../src/domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { stubResolver } from './clinical-fixtures.js';

const deps = {
  resolver: stubResolver({ warfarin: ['warfarin'], metronidazole: ['metronidazole'], glargine: ['insulin glargine'], 'co-trimoxazole': ['sulfamethoxazole', 'trimethoprim'], amlodipine: ['amlodipine'] }),
  checker: createInteractionChecker(lazyInteractionRuleSet()),
};

const cases = parseEvalCases(
  [
    '{"drugs":["warfarin","metronidazole"],"expect":"alert","group":"anticoagulant"}',
    '{"drugs":["warfarin","glargine"],"expect":"alert","group":"anticoagulant"}',
    '{"drugs":["warfarin","acetaminophen"],"expect":"alert","group":"anticoagulant"}',
    '{"drugs":["co-trimoxazole"],"expect":"none","group":"co-formulated"}',
    '{"drugs":["warfarin","co-trimoxazole"],"expect":"none","group":"non-interacting"}',
    '{"drugs":["amlodipine","unknown"],"expect":"none","group":"non-interacting"}',
    '{"drugs":["warfarin","metronidazole"],"expect":"alert","group":"onc03"}',
  ].join('\n'),
);

describe('clinical evaluation', () => {
  const report = evaluateInteractions(cases, deps);

  it('When a pair is found, missed, or has an unresolved name, then recall counts only the found ones', () => {
    expect(report.positives.find((s) => s.group === 'anticoagulant')).toEqual({ group: 'anticoagulant', cases: 3, correct: 1, unresolved: 1 });
    expect(report.misses.map((m) => m.drugs[1])).toEqual(['glargine', 'acetaminophen']);
  });

  it('When a negative raises an alert, then it is a false alert; an unresolved negative is not counted as correct', () => {
    expect(report.falseAlerts).toEqual([{ drugs: ['warfarin', 'co-trimoxazole'], group: 'non-interacting', rules: ['anticoag-warfarin-cotrimoxazole'] }]);
    expect(report.negatives.find((s) => s.group === 'non-interacting')).toEqual({ group: 'non-interacting', cases: 2, correct: 0, unresolved: 1 });
    expect(report.negatives.find((s) => s.group === 'co-formulated')).toMatchObject({ cases: 1, correct: 1 });
  });

  it('When reporting coverage, then it counts ONC classes with test pairs and with rules', () => {
    expect(report.oncWithPairs).toEqual([3]);
    expect(report.oncWithRules).toHaveLength(15);
    expect(report.rulesHit).toEqual(new Set(['anticoag-warfarin-metronidazole']));
  });

  it('When a test set line is malformed, then parsing says which line', () => {
    expect(() => parseEvalCases('{"drugs":["a"],"expect":"alert","group":"x"}\n{"drugs":[]}')).toThrow(/line 2/);
  });
});
