import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseRequest, documentRequest, type ClinicianFacts, type DocumentFacts, type RelationFacts } from '../../src/domain/access/access-facts.js';
import type { CareRole, ClinicianRole } from '../../src/domain/access/access-vocabulary.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { listViewableDocuments } from '../../src/domain/access/visible-documents.js';
import { POLICY_DIR } from './access-fixtures.js';

const institutions = ['QMH', 'HKSH', 'PWH'];
const roles: (ClinicianRole | null)[] = ['doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor', null];
const careRoles: CareRole[] = ['attending', 'consulting', 'referring', 'observer', ''];

const clinicianArb: fc.Arbitrary<ClinicianFacts> = fc.record({
  id: fc.constantFrom('u-1', 'u-2'),
  institutionId: fc.constantFrom(...institutions),
  role: fc.constantFrom(...roles),
  verified: fc.boolean(),
  suspended: fc.boolean(),
});

const documentArb: fc.Arbitrary<DocumentFacts> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  caseCode: fc.constantFrom('C-7KQ2M', 'C-2B9XH'),
  authorInstitutionId: fc.constantFrom(...institutions),
  restrictedCategory: fc.option(fc.constantFrom('psychiatry', 'hiv'), { nil: null }),
  // A closed case stays readable by its team: the view rules below must not depend on it.
  caseClosed: fc.boolean(),
});

const relationArb: fc.Arbitrary<RelationFacts> = fc.record({
  careRole: fc.constantFrom(...careRoles),
  hasGrant: fc.boolean(),
  hasBreakGlass: fc.boolean(),
  hasConsultGrant: fc.boolean(),
  patientConsentsToInstitution: fc.boolean(),
  hasRestrictedConsent: fc.boolean(),
});

describe('access properties', () => {
  let engine: PolicyEngine;
  beforeAll(() => {
    engine = loadPolicyEngine(POLICY_DIR);
  });

  it('view is never allowed to an unverified or suspended principal, or to an admin or auditor, whatever else holds', () => {
    const badPrincipal = clinicianArb.filter(
      (c) => !c.verified || c.suspended || c.role === 'admin' || c.role === 'auditor',
    );
    fc.assert(
      fc.property(badPrincipal, documentArb, relationArb, (c, d, r) => {
        const decision = engine.decide(documentRequest(c, 'view', d, r));
        expect(decision.errors).toEqual([]);
        expect(decision.allowed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('view is allowed exactly when the baseline rules (a)–(d) all hold', () => {
    fc.assert(
      fc.property(clinicianArb, documentArb, relationArb, (c, d, r) => {
        const careOrGrant = r.careRole === 'attending' || r.careRole === 'consulting' || !!r.hasGrant || !!r.hasBreakGlass || !!r.hasConsultGrant;
        const account = c.verified && !c.suspended && ['doctor', 'nurse', 'pharmacist'].includes(c.role ?? '');
        const consent = !!r.patientConsentsToInstitution || d.authorInstitutionId === c.institutionId;
        const restricted = d.restrictedCategory === null || !!r.hasRestrictedConsent;
        expect(engine.decide(documentRequest(c, 'view', d, r)).allowed).toBe(careOrGrant && account && consent && restricted);
      }),
      { numRuns: 500 },
    );
  });

  it('nothing is shared into, asked of or decided on a closed case, whatever else holds; open, the same request is decided as without the rule', () => {
    const actionArb = fc.constantFrom('share' as const, 'requestAccess' as const, 'decideRequest' as const);
    const stepArb = fc.record({ step: fc.constantFrom('attending' as const, 'privacy' as const), isRequester: fc.boolean() });
    fc.assert(
      fc.property(clinicianArb, actionArb, relationArb, stepArb, fc.uniqueArray(fc.constantFrom(...institutions)), (c, action, r, s, inst) => {
        const relation = { ...r, ...s };
        const closed = engine.decide(caseRequest(c, action, { code: 'C-7KQ2M', institutionIds: inst, closed: true }, relation));
        expect(closed.errors).toEqual([]);
        expect(closed.allowed).toBe(false);
        expect(closed.policies).toContain('forbid-closed-case');
        const open = engine.decide(caseRequest(c, action, { code: 'C-7KQ2M', institutionIds: inst, closed: false }, relation));
        expect(open.policies).not.toContain('forbid-closed-case');
      }),
      { numRuns: 300 },
    );
  });

  it('the pre-filtered document list equals asking Cedar about every document', () => {
    const itemsArb = fc.array(fc.record({ document: documentArb, relation: relationArb }), { maxLength: 40 });
    fc.assert(
      fc.property(clinicianArb, itemsArb, (c, items) => {
        const everyOne = items.filter((i) => engine.decide(documentRequest(c, 'view', i.document, i.relation)).allowed);
        expect(listViewableDocuments(engine, c, items)).toEqual(everyOne.map((i) => i.document));
      }),
      { numRuns: 100 },
    );
  });
});
