/**
 * Builds Cedar requests from plain typed facts, so callers never hand-write Cedar JSON.
 * Time-dependent facts (care role today, unexpired grants, consent) go in the context: the caller
 * computes them from its tables "now", and the policies stay free of clocks. Stable facts (role,
 * verification, authorship, restricted category) are entity attributes. Institutions travel as their
 * codes (strings), not entity references: equal codes are all the policies compare, and each entity
 * reference costs Cedar ~14 µs to read against ~3 µs for a string (P3).
 */
import {
  AUDIT_LOG_ID,
  ENTITY,
  type AccessAction,
  type AccessRequest,
  type CareRole,
  type CedarEntity,
  type CedarValue,
  type ClinicianRole,
  type DecisionStep,
  type EntityRef,
} from './access-vocabulary.js';

export interface ClinicianFacts {
  id: string;
  institutionId: string;
  /** null while the directory has no role for the user: no permit needs an empty role. */
  role: ClinicianRole | null;
  verified: boolean;
  suspended: boolean;
}

export interface CaseFacts {
  /** The case code, e.g. C-7KQ2M; it is the Case entity id. */
  code: string;
  institutionIds: string[];
  /** The case is closed (read-only): the Case entity's `closed`. */
  closed: boolean;
}

export interface DocumentFacts {
  id: string;
  caseCode: string;
  /** '' when the author had no institution on file: then it matches no viewer's institution. */
  authorInstitutionId: string;
  /** eHRSS restricted category, or null for ordinary documents. */
  restrictedCategory: string | null;
  /** Its case is closed (read-only): the Document entity's `closed`. */
  caseClosed: boolean;
}

/**
 * The principal's relation to the resource right now. Anything left out counts as "no" (fail closed).
 * patientConsentsToInstitution must already treat public providers as consented (eHRSS).
 */
export interface RelationFacts {
  careRole?: CareRole;
  hasGrant?: boolean;
  hasBreakGlass?: boolean;
  /** A live consult grant (accepted referral, MDT invitation) to the document's case. */
  hasConsultGrant?: boolean;
  patientConsentsToInstitution?: boolean;
  hasRestrictedConsent?: boolean;
  step?: DecisionStep;
  isRequester?: boolean;
}

/** The context keys each action's schema declares; nothing else is sent. */
const CONTEXT_KEYS: Record<AccessAction, readonly (keyof RelationFacts)[]> = {
  view: ['careRole', 'hasGrant', 'hasBreakGlass', 'hasConsultGrant', 'patientConsentsToInstitution', 'hasRestrictedConsent'],
  share: ['careRole'],
  requestAccess: [],
  decideRequest: ['careRole', 'step', 'isRequester'],
  manageCase: ['careRole'],
  readMedications: ['careRole'],
  addMedication: ['careRole'],
  breakGlass: [],
  addCaseNote: ['careRole'],
  readAudit: [],
  manageDirectory: [],
  reviewRules: [],
};

const STRING_KEYS = new Set<keyof RelationFacts>(['careRole', 'step']);

/**
 * Stands in for "the author had no institution". A clinician with none is Institution::"", so using ''
 * here too would make two unknowns equal: a viewer without an institution would count as the author's
 * institution (forbid-view-without-consent would not apply). Lower-case, so no institution code equals it.
 */
const NO_AUTHOR_INSTITUTION = '(no author institution)';

const ref = (type: string, id: string): EntityRef => ({ type, id });
const entityValue = (type: string, id: string): CedarValue => ({ __entity: ref(type, id) });

export function clinicianEntity(c: ClinicianFacts): CedarEntity {
  return {
    uid: ref(ENTITY.clinician, c.id),
    attrs: {
      institution: c.institutionId,
      role: c.role ?? '',
      verified: c.verified,
      suspended: c.suspended,
    },
    parents: [],
  };
}

export function caseEntity(c: CaseFacts): CedarEntity {
  return {
    uid: ref(ENTITY.case, c.code),
    attrs: { institutions: c.institutionIds, closed: c.closed },
    parents: [],
  };
}

export function documentEntity(d: DocumentFacts): CedarEntity {
  const attrs: Record<string, CedarValue> = {
    case: entityValue(ENTITY.case, d.caseCode),
    authorInstitution: d.authorInstitutionId || NO_AUTHOR_INSTITUTION,
    closed: d.caseClosed,
  };
  if (d.restrictedCategory !== null) attrs.restrictedCategory = d.restrictedCategory;
  return { uid: ref(ENTITY.document, d.id), attrs, parents: [] };
}

/** The context for `action`, with fail-closed defaults for facts the caller did not give. */
export function contextFor(action: AccessAction, relation: RelationFacts): Record<string, CedarValue> {
  const out: Record<string, CedarValue> = {};
  for (const key of CONTEXT_KEYS[action]) {
    const v = relation[key];
    out[key] = STRING_KEYS.has(key) ? (typeof v === 'string' ? v : '') : v === true;
  }
  return out;
}

function request(
  clinician: ClinicianFacts,
  action: AccessAction,
  resource: CedarEntity,
  relation: RelationFacts,
): AccessRequest {
  return {
    principal: ref(ENTITY.clinician, clinician.id),
    action,
    resource: resource.uid,
    context: contextFor(action, relation),
    entities: [clinicianEntity(clinician), resource],
  };
}

export function documentRequest(
  clinician: ClinicianFacts,
  action: 'view' | 'requestAccess',
  document: DocumentFacts,
  relation: RelationFacts = {},
): AccessRequest {
  return request(clinician, action, documentEntity(document), relation);
}

export function caseRequest(
  clinician: ClinicianFacts,
  action: 'share' | 'requestAccess' | 'decideRequest' | 'manageCase' | 'readMedications' | 'addMedication' | 'breakGlass' | 'addCaseNote',
  kase: CaseFacts,
  relation: RelationFacts = {},
): AccessRequest {
  return request(clinician, action, caseEntity(kase), relation);
}

export function auditLogRequest(clinician: ClinicianFacts): AccessRequest {
  return request(clinician, 'readAudit', { uid: ref(ENTITY.auditLog, AUDIT_LOG_ID), attrs: {}, parents: [] }, {});
}

/** Review the interaction rule set `version` (sign off, disable, re-enable rules). */
export function ruleSetRequest(clinician: ClinicianFacts, version: string): AccessRequest {
  return request(clinician, 'reviewRules', { uid: ref(ENTITY.ruleSet, version), attrs: {}, parents: [] }, {});
}

export function directoryRequest(clinician: ClinicianFacts, institutionId: string): AccessRequest {
  const institution: CedarEntity = { uid: ref(ENTITY.institution, institutionId), attrs: { code: institutionId }, parents: [] };
  return request(clinician, 'manageDirectory', institution, {});
}
