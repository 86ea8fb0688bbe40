import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { CasesRepository } from './cases-repository.js';

/**
 * What happens when someone's place on a care team ends (removed by the attending or an admin, left
 * the consult group, the group was unbound, left the organisation): the grants they held on the case
 * end with it, and they are told 1:1. The case context owns these ports; secure-sharing implements
 * the revocation (grants) and the bot the message (outbox), so cases never import either.
 */
export type ExitCause = 'removed' | 'left_group' | 'group_unbound' | 'admin' | 'left_org';

export interface TeamExit {
  caseCode: string;
  clinicianId: string;
  cause: ExitCause;
  /** How many live grants on the case ended with the role. */
  grantsRevoked: number;
  /** When it happened (also makes the notice's idempotency key). */
  at: number;
}

export interface TeamExitPorts {
  /**
   * Revokes the clinician's live grants on the case and audits each; returns how many. Called inside
   * the transaction that ends the role, so both commit or neither does.
   */
  revokeGrants(caseId: string, clinicianId: string, actor: string, cause: ExitCause, now: number): Promise<number>;
  /** Tells the clinician their access to the case ended; called after the commit. */
  tell(exit: TeamExit): Promise<void>;
}

/** Collects exits inside a transaction and tells them once it has committed. */
export function exitRecorder(ports: TeamExitPorts) {
  const exits: TeamExit[] = [];
  return {
    exits,
    /** Inside the transaction: revoke the grants and remember whom to tell (once per clinician and case). */
    async record(c: { id: string; code: string }, clinicianId: string, actor: string, cause: ExitCause, now: number): Promise<void> {
      if (exits.some((e) => e.caseCode === c.code && e.clinicianId === clinicianId)) return;
      const grantsRevoked = await ports.revokeGrants(c.id, clinicianId, actor, cause, now);
      exits.push({ caseCode: c.code, clinicianId, cause, grantsRevoked, at: now });
    },
    /** After the commit. */
    async tellAll(): Promise<void> {
      for (const e of exits) await ports.tell(e);
    },
  };
}

/**
 * The clinician left the organisation: every role they hold or have booked, on every case, ends now
 * (reason `left_org`, audited per case), even an attending's — they can no longer act, and an admin
 * assigns a new attending. Their grants on those cases end through the exit ports. Runs in the
 * caller's transaction. Returns the number of role rows ended.
 */
export async function endAllRolesOf(
  deps: { cases: Pick<CasesRepository, 'openRolesOfClinician' | 'endRoleAt' | 'caseById'>; audit: AuditSink; exits: TeamExitPorts },
  clinicianId: string,
  by: string,
  now: number,
): Promise<number> {
  const rec = exitRecorder(deps.exits);
  const rows = await deps.cases.openRolesOfClinician(clinicianId, now);
  for (const r of rows) {
    await deps.cases.endRoleAt(r.id, by, 'left_org', now, now);
    const c = await deps.cases.caseById(r.caseId);
    if (!c) continue;
    deps.audit.append({ actor: by, action: AUDIT_ACTIONS.caseTeamRemoved, target: c.code, outcome: 'success', reason: 'left_org', at: now });
    await rec.record(c, clinicianId, by, 'left_org', now);
  }
  await rec.tellAll();
  return rows.length;
}
