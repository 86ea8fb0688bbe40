import { beforeAll, describe, expect, it } from 'vitest';
import {
  DENIAL_REASON_LABELS,
  FORBID_POLICY_REASONS,
  MISSING_CONDITION_REASONS,
  OTHER_DENIAL_LABELS,
  denialReasonLabel,
  type Wording,
} from '../../src/contract/denial-reasons.js';
import { MISSING_SENTENCES, POLICY_SENTENCES } from '../../src/domain/access/access-sentences.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { POLICY_DIR } from './access-fixtures.js';

const CJK = /[\u4e00-\u9fff]/;

/** Both languages there, and really two languages (not a copy, not English in the Chinese slot). */
function bothLanguages(w: Wording | undefined, what: string): void {
  expect(w?.en.trim(), `${what}: en`).toBeTruthy();
  expect(w?.zh.trim(), `${what}: zh`).toBeTruthy();
  expect(w!.zh, `${what}: zh is Chinese`).toMatch(CJK);
  expect(w!.en, `${what}: en is not Chinese`).not.toMatch(CJK);
}

describe('denial reasons: one table in both languages (src/contract/denial-reasons.ts)', () => {
  let engine: PolicyEngine;
  beforeAll(() => {
    engine = loadPolicyEngine(POLICY_DIR);
  });

  it('every denial reason has an English and a Chinese label, and a sentence in both where one is said', () => {
    const codes = Object.keys(DENIAL_REASON_LABELS);
    expect(codes.length).toBe(Object.keys(MISSING_CONDITION_REASONS).length + Object.keys(FORBID_POLICY_REASONS).length + Object.keys(OTHER_DENIAL_LABELS).length);
    for (const code of codes) bothLanguages(DENIAL_REASON_LABELS[code], `label ${code}`);
    for (const [code, r] of Object.entries({ ...MISSING_CONDITION_REASONS, ...FORBID_POLICY_REASONS })) bothLanguages(r.sentence, `sentence ${code}`);
  });

  it('every forbid policy the engine loads is a denial reason, and the table names no forbid that does not exist', () => {
    const forbids = engine.policyIds.filter((id) => id.startsWith('forbid-')).sort();
    expect(forbids.length).toBeGreaterThan(3);
    expect(Object.keys(FORBID_POLICY_REASONS).sort()).toEqual(forbids);
  });

  it('the chat sentences are the table\'s own (one wording, not a copy)', () => {
    for (const [code, r] of Object.entries(FORBID_POLICY_REASONS)) expect(POLICY_SENTENCES[code]).toBe(r.sentence);
    for (const [code, r] of Object.entries(MISSING_CONDITION_REASONS)) expect(MISSING_SENTENCES[code as keyof typeof MISSING_SENTENCES]).toBe(r.sentence);
  });

  it('a code outside the table is shown as its words in both languages, never cut off', () => {
    expect(denialReasonLabel('burned')).toEqual({ en: 'Already burned', zh: '已銷毀' });
    expect(denialReasonLabel('some_new.code-x')).toEqual({ en: 'some new code x', zh: 'some new code x' });
  });
});
