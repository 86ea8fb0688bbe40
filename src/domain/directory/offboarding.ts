import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { DirectoryRepository } from './directory-repository.js';

/** Why someone left: DingTalk said so (`user_leave_org`), or an admin removed them from the console or CLI. */
export type LeaveCause = 'dingtalk_left' | 'admin_removed';

export interface LeaveOutcome {
  clinicianId: string;
  rolesEnded: number;
  grantsRevoked: number;
  loginsEnded: number;
}

/**
 * A clinician who leaves the organisation loses, at once and in one transaction: their verification,
 * every care-team role on every case, every live grant (approval and break-glass) and every login
 * (so their app and admin tokens stop working). Each part is audited by the part that does it, plus
 * one `directory.left_org` entry. The parts are ports, so the directory imports no other context.
 */
export function createOffboarding(deps: {
  transaction: Transaction;
  repo: Pick<DirectoryRepository, 'findById' | 'update'>;
  /** Ends every role of the clinician on every case (grants on those cases with them); returns how many roles. */
  endCareRoles(clinicianId: string, by: string, now: number): Promise<number>;
  /** Revokes every live grant left (held outside any care team); returns how many. */
  revokeGrants(clinicianId: string, by: string, now: number): Promise<number>;
  /** Ends every login (session family); returns how many. */
  endLogins(clinicianId: string, reason: string): number;
  audit: AuditSink;
  clock: Clock;
}) {
  return {
    async leave(clinicianId: string, by: string, cause: LeaveCause): Promise<LeaveOutcome> {
      const now = deps.clock.now();
      return deps.transaction(async () => {
        if (!deps.repo.findById(clinicianId)) return { clinicianId, rolesEnded: 0, grantsRevoked: 0, loginsEnded: 0 };
        deps.repo.update(clinicianId, { verified: false }, now);
        const rolesEnded = await deps.endCareRoles(clinicianId, by, now);
        const grantsRevoked = await deps.revokeGrants(clinicianId, by, now);
        const loginsEnded = deps.endLogins(clinicianId, 'left_org');
        deps.audit.append({ actor: by, action: AUDIT_ACTIONS.directoryLeftOrg, target: clinicianId, outcome: 'success', reason: cause, at: now });
        return { clinicianId, rolesEnded, grantsRevoked, loginsEnded };
      });
    },
  };
}

export type Offboarding = ReturnType<typeof createOffboarding>;
