import { caseRequest, documentRequest } from '../access/access-facts.js';
import { clinicianFacts } from '../access/case-authorizer.js';
import type { AccessDecision, PolicyEngine } from '../access/policy-engine.js';
import type { CaseQueries } from '../cases/case-queries.js';
import type { CasesRepository } from '../cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../directory/directory-repository.js';
import type { GrantService } from '../grants/grant-service.js';
import type { BurnRepository } from './burn-repository.js';

export interface BurnAccessItem {
  id: string;
  caseId: string;
  /** The author's institution: a burn item is "written by" it, like a shared document. */
  authorInstitutionId: string | null;
}

/**
 * The policy's view of a burn item: a document of its case (no restricted category, no
 * per-document approval grants — an approval covers one shared report, never a burn message), so the
 * same `view` rules apply: care team (attending/consulting) or break-glass, consent, clinical role.
 */
export function createBurnAccess(deps: {
  repo: Pick<BurnRepository, 'breakGlassHolders'>;
  engine: PolicyEngine;
  cases: CasesRepository;
  queries: CaseQueries;
  grants: Pick<GrantService, 'activeGrantFor'>;
  directory: DirectoryRepository;
}) {
  async function decide(clinician: ClinicianRow, item: BurnAccessItem, now: number): Promise<AccessDecision> {
    const caseRow = await deps.cases.caseById(item.caseId);
    if (!caseRow) return { allowed: false, action: 'view', policies: [], errors: [], missing: [] };
    const live = await deps.grants.activeGrantFor(clinician.id, item.id, caseRow.id, now);
    const institution = clinician.institutionId;
    return deps.engine.decide(
      documentRequest(
        clinicianFacts(clinician),
        'view',
        { id: item.id, caseCode: caseRow.code, authorInstitutionId: item.authorInstitutionId ?? '', restrictedCategory: null, caseClosed: caseRow.status === 'closed' },
        {
          careRole: await deps.queries.teamRoleNow(caseRow.id, clinician.id),
          hasGrant: live.hasGrant, // per-item grants only (allergy alerts); approvals name shared reports, never burn items
          hasBreakGlass: live.hasBreakGlass,
          patientConsentsToInstitution: institution ? await deps.queries.hasSharingConsent(caseRow.patientId, institution) : false,
        },
      ),
    );
  }

  return {
    decide,

    /** Sending a burn message is sharing into the case: the same `share` rule (attending/consulting). */
    async mayShare(clinician: ClinicianRow, caseId: string): Promise<boolean> {
      const facts = await deps.queries.caseFacts(caseId, clinician.id);
      return deps.engine.decide(
        caseRequest(clinicianFacts(clinician), 'share', { code: facts.caseCode, institutionIds: facts.institutionIds, closed: facts.closed }, { careRole: facts.careRole }),
      ).allowed;
    },

    /**
     * Who an item is for when the caller names nobody: the case's care team and anyone with live
     * break-glass on the case, minus the author, who are verified, not suspended, and whom the policy
     * lets open it right now. Someone who could never open it would keep it alive to its maximum
     * lifetime and make "opened by n of m" meaningless.
     */
    async defaultRecipients(item: BurnAccessItem, authorId: string, now: number): Promise<string[]> {
      const breakGlass = await deps.repo.breakGlassHolders(item.caseId, now);
      const candidates = new Set([...(await deps.queries.teamOf(item.caseId)).map((m) => m.clinicianId), ...breakGlass]);
      candidates.delete(authorId);
      const out: string[] = [];
      for (const id of candidates) {
        const c = await deps.directory.findById(id);
        if (c !== undefined && c.verified && !c.suspended && (await decide(c, item, now)).allowed) out.push(id);
      }
      return out;
    },
  };
}

export type BurnAccess = ReturnType<typeof createBurnAccess>;
