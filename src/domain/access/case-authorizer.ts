/**
 * Adapts the policy engine to the cases module's `Authorize` port (src/domain/cases/authorize-port.ts),
 * so the composition root can wire `createCaseAuthorizer(engine)` where cases expect it.
 * The port carries no decision step or requester flag, so `decideRequest` through it is denied
 * (fail closed); the approvals flow should call the engine with `caseRequest(..., { step, isRequester })`.
 */
import type { Authorize } from '../cases/authorize-port.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import { caseRequest, type ClinicianFacts } from './access-facts.js';
import type { PolicyEngine } from './policy-engine.js';

const CASE_ACTIONS = ['share', 'requestAccess', 'decideRequest', 'manageCase', 'readMedications', 'addMedication', 'breakGlass'] as const;
type CaseAction = (typeof CASE_ACTIONS)[number];

const isCaseAction = (a: string): a is CaseAction => (CASE_ACTIONS as readonly string[]).includes(a);

/** A directory row as policy facts; a user with no institution yet matches no institution. */
export function clinicianFacts(row: Pick<ClinicianRow, 'id' | 'institutionId' | 'role' | 'verified' | 'suspended'>): ClinicianFacts {
  return {
    id: row.id,
    institutionId: row.institutionId ?? '',
    role: row.role ?? null,
    verified: row.verified,
    suspended: row.suspended,
  };
}

export function createCaseAuthorizer(engine: PolicyEngine): Authorize {
  return (actor, action, facts) => {
    if (!isCaseAction(action)) return { allowed: false, policies: [] };
    const decision = engine.decide(
      caseRequest(
        clinicianFacts(actor.clinician),
        action,
        { code: facts.caseCode, institutionIds: facts.institutionIds, closed: facts.closed },
        { careRole: facts.careRole, patientConsentsToInstitution: facts.patientConsentsToInstitution },
      ),
    );
    return { allowed: decision.allowed, policies: decision.policies };
  };
}
