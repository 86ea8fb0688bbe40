import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLogRequest,
  caseRequest,
  directoryRequest,
  documentRequest,
  ruleSetRequest,
  type RelationFacts,
} from '../../src/domain/access/access-facts.js';
import type { AccessRequest } from '../../src/domain/access/access-vocabulary.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { clinician, doc, HOME, kase, OTHER, POLICY_DIR } from './access-fixtures.js';

/** The facts a view needs when everything else is fine: consulting, consent given. */
const ok: RelationFacts = { careRole: 'consulting', patientConsentsToInstitution: true };

interface Row {
  name: string;
  request: AccessRequest;
  allowed: boolean;
  /** Expected determining policy ids (sorted); [] = no permit matched. */
  policies: string[];
}

const rows: Row[] = [
  // view: care relationship (a)
  { name: 'consulting specialist views', request: documentRequest(clinician(), 'view', doc(), ok), allowed: true, policies: ['view-care-team'] },
  { name: 'attending views', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: 'attending' }), allowed: true, policies: ['view-care-team'] },
  { name: 'observer denied', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: 'observer' }), allowed: false, policies: [] },
  { name: 'referring doctor denied', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: 'referring' }), allowed: false, policies: [] },
  { name: 'not on team denied', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: '' }), allowed: false, policies: [] },
  { name: 'grant holder views', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: '', hasGrant: true }), allowed: true, policies: ['view-approved-grant'] },
  { name: 'expired grant (hasGrant=false) denied', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: '', hasGrant: false }), allowed: false, policies: [] },
  { name: 'break-glass views', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: '', hasBreakGlass: true }), allowed: true, policies: ['view-break-glass'] },
  { name: 'consult grant views', request: documentRequest(clinician(), 'view', doc(), { ...ok, careRole: '', hasConsultGrant: true }), allowed: true, policies: ['view-consult-grant'] },
  { name: 'nurse on team views', request: documentRequest(clinician({ role: 'nurse' }), 'view', doc(), ok), allowed: true, policies: ['view-care-team'] },
  // view: account state (b)
  { name: 'unverified attending denied', request: documentRequest(clinician({ verified: false }), 'view', doc(), { ...ok, careRole: 'attending' }), allowed: false, policies: ['forbid-unverified'] },
  { name: 'suspended consultant denied', request: documentRequest(clinician({ suspended: true }), 'view', doc(), ok), allowed: false, policies: ['forbid-suspended'] },
  // view: consent (c)
  { name: 'no consent, other author institution denied', request: documentRequest(clinician(), 'view', doc(), { careRole: 'consulting' }), allowed: false, policies: ['forbid-view-without-consent'] },
  { name: 'author institution without consent views', request: documentRequest(clinician(), 'view', doc({ authorInstitutionId: HOME }), { careRole: 'consulting' }), allowed: true, policies: ['view-care-team'] },
  { name: 'break-glass does not override consent', request: documentRequest(clinician(), 'view', doc(), { hasBreakGlass: true }), allowed: false, policies: ['forbid-view-without-consent'] },
  { name: 'consult grant does not override consent', request: documentRequest(clinician(), 'view', doc(), { hasConsultGrant: true }), allowed: false, policies: ['forbid-view-without-consent'] },
  // view: restricted category (d)
  { name: 'restricted without extra consent denied', request: documentRequest(clinician(), 'view', doc({ restrictedCategory: 'psychiatry' }), ok), allowed: false, policies: ['forbid-view-restricted-without-extra-consent'] },
  { name: 'restricted with extra consent views', request: documentRequest(clinician(), 'view', doc({ restrictedCategory: 'psychiatry' }), { ...ok, hasRestrictedConsent: true }), allowed: true, policies: ['view-care-team'] },
  // view: non-clinical roles
  { name: 'admin on team denied view', request: documentRequest(clinician({ role: 'admin' }), 'view', doc(), { ...ok, careRole: 'attending', hasGrant: true }), allowed: false, policies: ['forbid-content-non-clinical'] },
  { name: 'auditor denied view', request: documentRequest(clinician({ role: 'auditor' }), 'view', doc(), { ...ok, hasGrant: true }), allowed: false, policies: ['forbid-content-non-clinical'] },
  { name: 'privacy officer denied view', request: documentRequest(clinician({ role: 'privacy_officer' }), 'view', doc(), ok), allowed: false, policies: ['forbid-content-non-clinical'] },
  { name: 'no role in directory denied view', request: documentRequest(clinician({ role: null }), 'view', doc(), ok), allowed: false, policies: ['forbid-content-non-clinical'] },
  // addCaseNote (issue 13: a note or confirmed problem on the case)
  { name: 'consultant doctor adds a case note', request: caseRequest(clinician(), 'addCaseNote', kase(), { careRole: 'consulting' }), allowed: true, policies: ['add-case-note-care-team'] },
  { name: 'attending nurse adds a case note', request: caseRequest(clinician({ role: 'nurse' }), 'addCaseNote', kase(), { careRole: 'attending' }), allowed: true, policies: ['add-case-note-care-team'] },
  { name: 'referrer cannot add a case note', request: caseRequest(clinician(), 'addCaseNote', kase(), { careRole: 'referring' }), allowed: false, policies: [] },
  { name: 'no case note into a closed case', request: caseRequest(clinician(), 'addCaseNote', kase({ closed: true }), { careRole: 'attending' }), allowed: false, policies: ['forbid-closed-case'] },
  { name: 'admin on the team cannot add a case note', request: caseRequest(clinician({ role: 'admin' }), 'addCaseNote', kase(), { careRole: 'attending' }), allowed: false, policies: [] },
  // share
  { name: 'consultant shares', request: caseRequest(clinician(), 'share', kase(), { careRole: 'consulting' }), allowed: true, policies: ['share-care-team'] },
  { name: 'observer cannot share', request: caseRequest(clinician(), 'share', kase(), { careRole: 'observer' }), allowed: false, policies: [] },
  { name: 'unverified attending cannot share', request: caseRequest(clinician({ verified: false }), 'share', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-unverified'] },
  { name: 'suspended attending cannot share', request: caseRequest(clinician({ suspended: true }), 'share', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-suspended'] },
  { name: 'admin attending cannot share', request: caseRequest(clinician({ role: 'admin' }), 'share', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-content-non-clinical'] },
  // requestAccess
  { name: 'pharmacist requests access', request: documentRequest(clinician({ role: 'pharmacist' }), 'requestAccess', doc()), allowed: true, policies: ['request-access-clinical-staff'] },
  { name: 'nurse requests case access', request: caseRequest(clinician({ role: 'nurse' }), 'requestAccess', kase()), allowed: true, policies: ['request-access-clinical-staff'] },
  { name: 'unverified doctor cannot request', request: documentRequest(clinician({ verified: false }), 'requestAccess', doc()), allowed: false, policies: ['forbid-unverified'] },
  { name: 'admin cannot request access', request: documentRequest(clinician({ role: 'admin' }), 'requestAccess', doc()), allowed: false, policies: [] },
  // decideRequest
  { name: 'attending decides first step', request: caseRequest(clinician(), 'decideRequest', kase(), { careRole: 'attending', step: 'attending' }), allowed: true, policies: ['decide-request-attending'] },
  { name: 'consultant cannot decide', request: caseRequest(clinician(), 'decideRequest', kase(), { careRole: 'consulting', step: 'attending' }), allowed: false, policies: [] },
  { name: 'attending cannot decide own request', request: caseRequest(clinician(), 'decideRequest', kase(), { careRole: 'attending', step: 'attending', isRequester: true }), allowed: false, policies: ['forbid-decide-own-request'] },
  { name: 'attending cannot take the privacy step', request: caseRequest(clinician(), 'decideRequest', kase(), { careRole: 'attending', step: 'privacy' }), allowed: false, policies: [] },
  { name: 'privacy officer of case institution decides second step', request: caseRequest(clinician({ role: 'privacy_officer' }), 'decideRequest', kase(), { step: 'privacy' }), allowed: true, policies: ['decide-request-privacy-officer'] },
  { name: 'privacy officer of an outside institution cannot', request: caseRequest(clinician({ role: 'privacy_officer', institutionId: 'PWH' }), 'decideRequest', kase(), { step: 'privacy' }), allowed: false, policies: [] },
  // manageCase
  { name: 'attending manages case', request: caseRequest(clinician(), 'manageCase', kase(), { careRole: 'attending' }), allowed: true, policies: ['manage-case-attending'] },
  { name: 'consultant cannot manage case', request: caseRequest(clinician(), 'manageCase', kase(), { careRole: 'consulting' }), allowed: false, policies: [] },
  { name: 'suspended attending cannot manage', request: caseRequest(clinician({ suspended: true }), 'manageCase', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-suspended'] },
  // breakGlass
  { name: 'verified doctor breaks glass', request: caseRequest(clinician(), 'breakGlass', kase()), allowed: true, policies: ['break-glass-doctor'] },
  { name: 'nurse cannot break glass', request: caseRequest(clinician({ role: 'nurse' }), 'breakGlass', kase()), allowed: false, policies: [] },
  { name: 'unverified doctor cannot break glass', request: caseRequest(clinician({ verified: false }), 'breakGlass', kase()), allowed: false, policies: ['forbid-unverified'] },
  { name: 'suspended doctor cannot break glass', request: caseRequest(clinician({ suspended: true }), 'breakGlass', kase()), allowed: false, policies: ['forbid-suspended'] },
  // a closed case is read-only (forbid-closed-case); re-opened (closed: false) it is as before: the rows above
  { name: 'attending cannot share into a closed case', request: caseRequest(clinician(), 'share', kase({ closed: true }), { careRole: 'attending' }), allowed: false, policies: ['forbid-closed-case'] },
  { name: 'nurse cannot request access on a closed case', request: caseRequest(clinician({ role: 'nurse' }), 'requestAccess', kase({ closed: true })), allowed: false, policies: ['forbid-closed-case'] },
  { name: 'nobody requests a document of a closed case', request: documentRequest(clinician({ role: 'pharmacist' }), 'requestAccess', doc({ caseClosed: true })), allowed: false, policies: ['forbid-closed-case'] },
  { name: 'attending cannot decide a request on a closed case', request: caseRequest(clinician(), 'decideRequest', kase({ closed: true }), { careRole: 'attending', step: 'attending' }), allowed: false, policies: ['forbid-closed-case'] },
  { name: 'privacy officer cannot decide a request on a closed case', request: caseRequest(clinician({ role: 'privacy_officer' }), 'decideRequest', kase({ closed: true }), { step: 'privacy' }), allowed: false, policies: ['forbid-closed-case'] },
  { name: 'the team still views a closed case', request: documentRequest(clinician(), 'view', doc({ caseClosed: true }), ok), allowed: true, policies: ['view-care-team'] },
  { name: 'the attending may still manage (re-open) a closed case', request: caseRequest(clinician(), 'manageCase', kase({ closed: true }), { careRole: 'attending' }), allowed: true, policies: ['manage-case-attending'] },
  { name: 'break-glass on a closed case stays possible (emergency reading)', request: caseRequest(clinician(), 'breakGlass', kase({ closed: true })), allowed: true, policies: ['break-glass-doctor'] },
  // readMedications: anyone on the care team (any role), clinical staff only
  { name: 'observer reads the medication list', request: caseRequest(clinician(), 'readMedications', kase(), { careRole: 'observer' }), allowed: true, policies: ['read-medications-care-team'] },
  { name: 'nurse on team reads the medication list', request: caseRequest(clinician({ role: 'nurse' }), 'readMedications', kase(), { careRole: 'consulting' }), allowed: true, policies: ['read-medications-care-team'] },
  { name: 'not on team cannot read the medication list', request: caseRequest(clinician(), 'readMedications', kase(), { careRole: '' }), allowed: false, policies: [] },
  { name: 'admin on team cannot read the medication list', request: caseRequest(clinician({ role: 'admin' }), 'readMedications', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-medications-non-clinical'] },
  { name: 'auditor on team cannot read the medication list', request: caseRequest(clinician({ role: 'auditor' }), 'readMedications', kase(), { careRole: 'observer' }), allowed: false, policies: ['forbid-medications-non-clinical'] },
  { name: 'unverified member cannot read the medication list', request: caseRequest(clinician({ verified: false }), 'readMedications', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-unverified'] },
  { name: 'the team still reads the medication list of a closed case', request: caseRequest(clinician(), 'readMedications', kase({ closed: true }), { careRole: 'consulting' }), allowed: true, policies: ['read-medications-care-team'] },
  // addMedication: prescribers on the care team (attending, consulting, referring), clinical staff only, open case
  { name: 'referring doctor adds a medication', request: caseRequest(clinician(), 'addMedication', kase(), { careRole: 'referring' }), allowed: true, policies: ['add-medication-care-team'] },
  { name: 'consulting pharmacist adds a medication', request: caseRequest(clinician({ role: 'pharmacist' }), 'addMedication', kase(), { careRole: 'consulting' }), allowed: true, policies: ['add-medication-care-team'] },
  { name: 'observer cannot add a medication', request: caseRequest(clinician(), 'addMedication', kase(), { careRole: 'observer' }), allowed: false, policies: [] },
  { name: 'not on team cannot add a medication', request: caseRequest(clinician(), 'addMedication', kase(), { careRole: '' }), allowed: false, policies: [] },
  { name: 'admin attending cannot add a medication', request: caseRequest(clinician({ role: 'admin' }), 'addMedication', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-medications-non-clinical'] },
  { name: 'suspended attending cannot add a medication', request: caseRequest(clinician({ suspended: true }), 'addMedication', kase(), { careRole: 'attending' }), allowed: false, policies: ['forbid-suspended'] },
  { name: 'nothing is added to a closed case', request: caseRequest(clinician(), 'addMedication', kase({ closed: true }), { careRole: 'attending' }), allowed: false, policies: ['forbid-closed-case'] },
  // readAudit
  { name: 'auditor reads audit log', request: auditLogRequest(clinician({ role: 'auditor' })), allowed: true, policies: ['read-audit-oversight-roles'] },
  { name: 'privacy officer reads audit log', request: auditLogRequest(clinician({ role: 'privacy_officer' })), allowed: true, policies: ['read-audit-oversight-roles'] },
  { name: 'admin reads audit log', request: auditLogRequest(clinician({ role: 'admin' })), allowed: true, policies: ['read-audit-oversight-roles'] },
  { name: 'doctor cannot read audit log', request: auditLogRequest(clinician()), allowed: false, policies: [] },
  // manageDirectory
  { name: 'admin manages own directory', request: directoryRequest(clinician({ role: 'admin' }), HOME), allowed: true, policies: ['manage-directory-admin'] },
  { name: 'admin cannot manage another institution', request: directoryRequest(clinician({ role: 'admin' }), OTHER), allowed: false, policies: [] },
  { name: 'doctor cannot manage directory', request: directoryRequest(clinician(), HOME), allowed: false, policies: [] },
  { name: 'suspended admin cannot manage directory', request: directoryRequest(clinician({ role: 'admin', suspended: true }), HOME), allowed: false, policies: ['forbid-suspended'] },
  // reviewRules: pharmacists alone (issue 13 rule review)
  { name: 'pharmacist reviews rules', request: ruleSetRequest(clinician({ role: 'pharmacist' }), '1.2.0'), allowed: true, policies: ['review-rules-pharmacist'] },
  { name: 'doctor cannot review rules', request: ruleSetRequest(clinician(), '1.2.0'), allowed: false, policies: [] },
  { name: 'nurse cannot review rules', request: ruleSetRequest(clinician({ role: 'nurse' }), '1.2.0'), allowed: false, policies: [] },
  { name: 'admin cannot review rules', request: ruleSetRequest(clinician({ role: 'admin' }), '1.2.0'), allowed: false, policies: [] },
  { name: 'unverified pharmacist cannot review rules', request: ruleSetRequest(clinician({ role: 'pharmacist', verified: false }), '1.2.0'), allowed: false, policies: ['forbid-unverified'] },
  { name: 'suspended pharmacist cannot review rules', request: ruleSetRequest(clinician({ role: 'pharmacist', suspended: true }), '1.2.0'), allowed: false, policies: ['forbid-suspended'] },
];

describe('access policy table', () => {
  let engine: PolicyEngine;
  beforeAll(() => {
    engine = loadPolicyEngine(POLICY_DIR);
  });

  it.each(rows)('$name', ({ request, allowed, policies }) => {
    const d = engine.decide(request);
    expect(d.errors).toEqual([]);
    expect(d.allowed).toBe(allowed);
    expect([...d.policies].sort()).toEqual([...policies].sort());
    // A deny with no determining forbid must say which permit condition was missing.
    if (!allowed && policies.length === 0) expect(d.missing.length).toBeGreaterThan(0);
  });

  it('reports every matching forbid, not only the first', () => {
    const d = engine.decide(documentRequest(clinician({ verified: false, suspended: true }), 'view', doc({ restrictedCategory: 'hiv' }), { careRole: 'attending' }));
    expect(d.allowed).toBe(false);
    expect([...d.policies].sort()).toEqual([
      'forbid-suspended',
      'forbid-unverified',
      'forbid-view-restricted-without-extra-consent',
      'forbid-view-without-consent',
    ]);
  });

  it('the same rows decide the same way without per-request schema validation', () => {
    const fast = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
    for (const r of rows) expect(fast.decide(r.request).allowed, r.name).toBe(r.allowed);
  });
});
