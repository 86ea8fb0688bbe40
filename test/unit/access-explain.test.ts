import { beforeAll, describe, expect, it } from 'vitest';
import { caseRequest, documentRequest } from '../../src/domain/access/access-facts.js';
import { explain } from '../../src/domain/access/access-explain.js';
import { POLICY_SENTENCES } from '../../src/domain/access/access-sentences.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { clinician, doc, kase, POLICY_DIR } from './access-fixtures.js';

describe('explaining access decisions', () => {
  let engine: PolicyEngine;
  beforeAll(() => {
    engine = loadPolicyEngine(POLICY_DIR);
  });

  it('has an English and a Chinese sentence for every loaded policy id', () => {
    for (const id of engine.policyIds) {
      expect(POLICY_SENTENCES[id]?.en, id).toBeTruthy();
      expect(POLICY_SENTENCES[id]?.zh, id).toBeTruthy();
    }
  });

  it('says which care condition was missing, naming the case', () => {
    const d = engine.decide(documentRequest(clinician(), 'view', doc(), { careRole: 'observer', patientConsentsToInstitution: true }));
    expect(d.missing).toEqual([{ code: 'care_team_or_grant', caseCode: 'C-7KQ2M' }]);
    const en = explain(d, 'en');
    expect(en[0]).toBe('Not allowed.');
    expect(en[1]).toContain('You are not attending or consulting on C-7KQ2M');
    expect(en[1]).toContain('no approved grant');
    expect(explain(d, 'zh')[1]).toContain('個案 C-7KQ2M');
  });

  it('lists both a matching forbid and a missing permit condition', () => {
    const d = engine.decide(documentRequest(clinician({ verified: false }), 'view', doc(), {}));
    const en = explain(d, 'en');
    expect(en).toHaveLength(4);
    expect(en.join(' ')).toMatch(/not been verified/);
    expect(en.join(' ')).toMatch(/sharing consent/);
    expect(en.join(' ')).toMatch(/not attending or consulting on C-7KQ2M/);
  });

  it('When the asker is a stranger to the patient, then consent and restricted-category facts are left out, and the answer is the same either way', () => {
    const unverified = clinician({ verified: false });
    const restricted = doc({ restrictedCategory: 'hiv' });
    const without = engine.decide(documentRequest(unverified, 'view', restricted, { patientConsentsToInstitution: false, hasRestrictedConsent: false }));
    const withConsent = engine.decide(documentRequest(unverified, 'view', restricted, { patientConsentsToInstitution: true, hasRestrictedConsent: true }));
    const told = explain(without, 'en', { patientFacts: false });
    expect(told.join(' ')).not.toMatch(/consent|restricted/i);
    expect(told.join(' ')).toMatch(/not been verified/);
    expect(told).toEqual(explain(withConsent, 'en', { patientFacts: false }));
    expect(explain(without, 'zh', { patientFacts: false }).join(' ')).not.toMatch(/同意|受限/);
    // Someone treating the patient still hears the whole reason.
    expect(explain(without, 'en').join(' ')).toMatch(/sharing consent/);
  });

  it('explains an allow by its permit', () => {
    const d = engine.decide(documentRequest(clinician(), 'view', doc(), { hasGrant: true, patientConsentsToInstitution: true }));
    expect(explain(d, 'en')).toEqual(['Allowed.', 'You hold an approved, unexpired grant for this document.']);
    expect(explain(d, 'zh')[0]).toBe('已獲准。');
  });

  it('explains a forbid alone with no missing condition', () => {
    const d = engine.decide(caseRequest(clinician(), 'decideRequest', kase(), { careRole: 'attending', step: 'attending', isRequester: true }));
    expect(d.missing).toEqual([]);
    expect(explain(d, 'zh')).toEqual(['不獲准。', '任何人都不可審批自己的存取申請。']);
  });

  it('explains an engine failure without detail', () => {
    const req = documentRequest(clinician(), 'view', doc(), { careRole: 'attending' });
    const d = engine.decide({ ...req, context: {} });
    expect(explain(d, 'en')).toContain('The access check could not be completed, so access is refused.');
  });
});
