import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { GrantRow, SyncGrantRepository } from './grant-repository.js';
import { activeGrantsOf, type ActiveGrants } from './grant-service.js';

/**
 * Interim (issue 10 item 3): synchronous twins of `activeGrantFor` and `revokeLive`, for callers that
 * still run inside a synchronous better-sqlite3 transaction, where nothing can be awaited: care-team
 * exits (cases/team-exit.ts), offboarding (directory/offboarding.ts), the burn reader's open
 * (burn/burn-access.ts) and the allergy-alert raise rule (alerts/alert-service.ts). Same rows, same
 * audit entries as the grant service. Goes when those callers use the Transaction port.
 */
export function createGrantChecksNow(deps: { repo: SyncGrantRepository; audit: AuditSink; clock: Clock }) {
  const { repo, audit, clock } = deps;
  return {
    activeGrantFor(clinicianId: string, documentId: string, caseId: string, now = clock.now()): ActiveGrants {
      return activeGrantsOf(repo.liveFor(clinicianId, caseId, now), documentId);
    },

    revokeLive(clinicianId: string, caseId: string | null, actor: string, cause: string, now = clock.now()): GrantRow[] {
      const live = caseId === null ? repo.liveForClinician(clinicianId, now) : repo.liveFor(clinicianId, caseId, now);
      const revoked = live.filter((g) => repo.revoke(g.id, now));
      for (const g of revoked) {
        audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: g.documentId ?? g.caseId, outcome: 'success', reason: cause, at: now });
      }
      return revoked;
    },

    /** A grant row written as is (the allergy alert's per-item grants, inside the alert's transaction). */
    insert: (row: Parameters<SyncGrantRepository['insert']>[0]) => repo.insert(row),
  };
}

export type GrantChecksNow = ReturnType<typeof createGrantChecksNow>;
