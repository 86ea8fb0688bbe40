import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { GrantRow, SyncGrantRepository } from './grant-repository.js';

/**
 * Interim (issue 10 item 3): a synchronous twin of the grant service's `revokeLive`, for the ports still
 * called inside a synchronous better-sqlite3 transaction, where nothing can be awaited: care-team exits
 * (cases/team-exit.ts) and offboarding (directory/offboarding.ts). Same rows, same audit entries.
 * Goes when those transactions use the Transaction port.
 */
export function createGrantChecksNow(deps: { repo: SyncGrantRepository; audit: AuditSink; clock: Clock }) {
  const { repo, audit, clock } = deps;
  return {
    revokeLive(clinicianId: string, caseId: string | null, actor: string, cause: string, now = clock.now()): GrantRow[] {
      const live = caseId === null ? repo.liveForClinician(clinicianId, now) : repo.liveFor(clinicianId, caseId, now);
      const revoked = live.filter((g) => repo.revoke(g.id, now));
      for (const g of revoked) {
        audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: g.documentId ?? g.caseId, outcome: 'success', reason: cause, at: now });
      }
      return revoked;
    },
  };
}
