import { documentRequest } from '../access/access-facts.js';
import { clinicianFacts } from '../access/case-authorizer.js';
import type { AccessDecision, PolicyEngine } from '../access/policy-engine.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { CaseQueries } from '../cases/case-queries.js';
import type { CasesRepository } from '../cases/cases-repository.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import type { GrantService } from '../grants/grant-service.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { DocumentRepository, DocumentRow } from './document-repository.js';

export interface ViewDecision {
  decision: AccessDecision;
  document: DocumentRow;
  caseCode: string;
  /**
   * Whether the clinician stands in a relation to the patient now (verified, active, and on the care
   * team in any role or holding a grant or break-glass). Only then may an explanation name facts
   * about the patient (consent, restricted categories); a stranger is told only about themselves.
   */
  insider: boolean;
}

/**
 * Decides whether one clinician may open (decrypt) one document now: gathers the facts from the
 * current rows (care role today, unexpired grants, consent, restricted consent), asks the policy
 * engine, and audits the decision with its determining policy. Fails closed.
 */
export function createDocumentAccess(deps: {
  engine: PolicyEngine;
  documents: DocumentRepository;
  cases: CasesRepository;
  queries: CaseQueries;
  grants: Pick<GrantService, 'activeGrantFor'>;
  audit: AuditSink;
  clock: Clock;
}) {
  /** The decision as of now, from current rows; writes nothing. `assumeGrant` asks "and if a grant were approved?". */
  async function evaluate(clinician: ClinicianRow, documentId: string, assumeGrant = false): Promise<ViewDecision> {
    const document = await deps.documents.find(documentId);
    if (!document) throw new DomainError('document.not_found');
    if (document.status === 'retracted') throw new DomainError('document.retracted');
    if (document.status !== 'active') throw new DomainError('burned');
    const caseRow = await deps.cases.caseById(document.caseId);
    if (!caseRow) throw new DomainError('case.not_found');
    const now = deps.clock.now();
    const grants = await deps.grants.activeGrantFor(clinician.id, document.id, caseRow.id, now);
    const institution = clinician.institutionId;
    const relation = {
      careRole: await deps.queries.teamRoleNow(caseRow.id, clinician.id),
      hasGrant: grants.hasGrant || assumeGrant,
      hasBreakGlass: grants.hasBreakGlass,
      hasConsultGrant: grants.hasConsult,
      patientConsentsToInstitution: institution ? await deps.queries.hasSharingConsent(caseRow.patientId, institution) : false,
      hasRestrictedConsent: document.restrictedCategory
        ? await deps.queries.hasRestrictedConsent(caseRow.patientId, document.restrictedCategory)
        : false,
    };
    const decision = deps.engine.decide(
      documentRequest(
        clinicianFacts(clinician),
        'view',
        {
          id: document.id,
          caseCode: caseRow.code,
          authorInstitutionId: document.authorInstitutionId ?? '',
          restrictedCategory: document.restrictedCategory,
          caseClosed: caseRow.status === 'closed',
        },
        relation,
      ),
    );
    const insider = clinician.verified && !clinician.suspended && (relation.careRole !== '' || grants.hasGrant || grants.hasBreakGlass || grants.hasConsult);
    return { decision, document, caseCode: caseRow.code, insider };
  }

  return {
    async decideView(clinician: ClinicianRow, documentId: string): Promise<ViewDecision> {
      const out = await evaluate(clinician, documentId);
      deps.audit.append({
        actor: clinician.id,
        action: AUDIT_ACTIONS.accessDecision,
        target: out.document.id,
        outcome: out.decision.allowed ? 'success' : 'denied',
        reason: reasonCode(out.decision),
      });
      return out;
    },

    /**
     * The same decision without recording it as the clinician's access attempt: for an admin's
     * "what would happen" check, which must not put a view attempt the clinician never made into
     * the audit (the caller audits its own `admin.explained` step instead).
     */
    previewView: (clinician: ClinicianRow, documentId: string) => evaluate(clinician, documentId),

    /**
     * What would still stop the clinician opening the document if their access request were
     * approved now (empty: the grant would work). Lets an approver be warned instead of granting
     * something useless. Writes nothing.
     */
    async missingDespiteGrant(clinician: ClinicianRow, documentId: string): Promise<GrantBlocker[]> {
      const { decision } = await evaluate(clinician, documentId, true);
      if (decision.allowed) return [];
      const blockers = decision.policies.map((id) => GRANT_BLOCKERS[id] ?? 'policy');
      return blockers.length ? [...new Set(blockers)] : ['policy'];
    },
  };
}

/** A condition an approval cannot supply, by the forbid that would still apply. */
export type GrantBlocker = 'sharing_consent' | 'restricted_consent' | 'verification' | 'active_account' | 'clinical_role' | 'policy';

const GRANT_BLOCKERS: Record<string, GrantBlocker> = {
  'forbid-view-without-consent': 'sharing_consent',
  'forbid-view-restricted-without-extra-consent': 'restricted_consent',
  'forbid-unverified': 'verification',
  'forbid-suspended': 'active_account',
  'forbid-content-non-clinical': 'clinical_role',
};

/** The determining policy id (or the first missing condition) as an audit reason code. */
function reasonCode(d: AccessDecision): string {
  const raw = d.policies[0] ?? d.missing[0]?.code ?? (d.allowed ? 'allowed' : 'no_permit');
  return String(raw).toLowerCase().replace(/[^a-z0-9_.:-]/g, '_').slice(0, 64);
}

export type DocumentAccess = ReturnType<typeof createDocumentAccess>;
