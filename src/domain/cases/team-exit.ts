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
   * Revokes the clinician's live grants on the case and audits each; returns how many. Synchronous,
   * called inside the transaction that ends the role, so both commit or neither does.
   */
  revokeGrants(caseId: string, clinicianId: string, actor: string, cause: ExitCause, now: number): number;
  /** Tells the clinician their access to the case ended; called after the commit. */
  tell(exit: TeamExit): void;
}

/** Collects exits inside a transaction and tells them once it has committed. */
export function exitRecorder(ports: TeamExitPorts) {
  const exits: TeamExit[] = [];
  return {
    exits,
    /** Inside the transaction: revoke the grants and remember whom to tell (once per clinician and case). */
    record(c: { id: string; code: string }, clinicianId: string, actor: string, cause: ExitCause, now: number): void {
      if (exits.some((e) => e.caseCode === c.code && e.clinicianId === clinicianId)) return;
      const grantsRevoked = ports.revokeGrants(c.id, clinicianId, actor, cause, now);
      exits.push({ caseCode: c.code, clinicianId, cause, grantsRevoked, at: now });
    },
    /** After the commit. */
    tellAll(): void {
      for (const e of exits) ports.tell(e);
    },
  };
}
