import { beforeAll, describe, expect, it } from 'vitest';
import { documentRequest } from '../../src/domain/access/access-facts.js';
import { missingConditions } from '../../src/domain/access/missing-conditions.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { clinician, doc, POLICY_DIR } from './access-fixtures.js';

describe('the missing conditions of a decision (worked out when first read)', () => {
  let engine: PolicyEngine;
  beforeAll(() => {
    engine = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
  });

  it('on deny, says what the request lacked, the same array each time, and shows up in copies and JSON', () => {
    const req = documentRequest(clinician(), 'view', doc({ caseCode: 'C-9' }), { careRole: 'observer', patientConsentsToInstitution: true });
    const d = engine.decide(req);
    expect(d.allowed).toBe(false);
    expect(d.missing).toEqual([{ code: 'care_team_or_grant', caseCode: 'C-9' }]);
    expect(d.missing).toEqual(missingConditions(req));
    expect(d.missing).toBe(d.missing);
    expect({ ...d }.missing).toEqual(d.missing);
    expect(JSON.parse(JSON.stringify(d)).missing).toEqual(d.missing);
  });

  it('on allow, is empty', () => {
    const d = engine.decide(documentRequest(clinician(), 'view', doc(), { careRole: 'attending', patientConsentsToInstitution: true }));
    expect(d.allowed).toBe(true);
    expect(d.missing).toEqual([]);
  });

  it('is empty rather than throwing when the request cannot be explained', () => {
    const req = documentRequest(clinician(), 'view', doc(), {});
    const d = engine.decide({ ...req, context: null as never });
    expect(d.allowed).toBe(false);
    expect(d.missing).toEqual([]);
  });
});
