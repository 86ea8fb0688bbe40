import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { GrantRepository, GrantRow, LiveGrantsAfter } from './grant-repository.js';
import { yieldToLoop } from '../../shared/batches.js';

export interface ActiveGrants {
  /** A live approval grant for this very document. */
  hasGrant: boolean;
  /** A live break-glass grant for the document's case. */
  hasBreakGlass: boolean;
  /** A live consult grant (accepted referral, MDT invitation) for the document's case. */
  hasConsult: boolean;
  /** Latest expiry among the live grants that apply, for "access until …" wording. */
  expiresAt: number | null;
}

const SWEEP_BATCH = 500;

/** Pure: which of a clinician's live grants on a case let them at `documentId`. */
export function activeGrantsOf(live: readonly GrantRow[], documentId: string): ActiveGrants {
  const applicable = live.filter((g) => g.kind !== 'approval' || g.documentId === documentId);
  return {
    hasGrant: applicable.some((g) => g.kind === 'approval'),
    hasBreakGlass: applicable.some((g) => g.kind === 'break_glass'),
    hasConsult: applicable.some((g) => g.kind === 'consult'),
    expiresAt: applicable.length ? Math.max(...applicable.map((g) => g.expiresAt)) : null,
  };
}

/** Creating, checking, revoking and expiring grants. */
export function createGrantService(deps: { repo: GrantRepository; audit: AuditSink; clock: Clock }) {
  const { repo, audit, clock } = deps;

  return {
    /**
     * The grant an approved request yields. Without its own transaction, so the approval service
     * calls it inside the transaction that records the final approval.
     */
    async createApprovalGrant(input: { requestId: string; documentId: string; caseId: string; clinicianId: string; approverId: string; ttlMs: number; now: number }): Promise<GrantRow> {
      const row: GrantRow = {
        id: newId(),
        kind: 'approval',
        documentId: input.documentId,
        caseId: input.caseId,
        clinicianId: input.clinicianId,
        createdAt: input.now,
        expiresAt: input.now + input.ttlMs,
        requestId: input.requestId,
        revokedAt: null,
        expiryRecordedAt: null,
      };
      await repo.insert(row);
      audit.append({ actor: input.approverId, action: AUDIT_ACTIONS.grantCreated, target: input.documentId, outcome: 'success', reason: 'approval', at: input.now });
      return row;
    },

    /**
     * A grant for one item outside any access request: an allergy alert's recipients, or the colleague
     * an unread urgent document's escalation asks (so they can act on it). Audited with `reason`.
     * Without its own transaction, so it commits with the step that lets them in.
     */
    async createItemGrant(input: { documentId: string; caseId: string; clinicianId: string; grantedBy: string; expiresAt: number; reason: string; now?: number }): Promise<GrantRow> {
      const now = input.now ?? clock.now();
      const row: GrantRow = {
        id: newId(),
        kind: 'approval',
        documentId: input.documentId,
        caseId: input.caseId,
        clinicianId: input.clinicianId,
        createdAt: now,
        expiresAt: input.expiresAt,
        requestId: null,
        revokedAt: null,
        expiryRecordedAt: null,
      };
      await repo.insert(row);
      audit.append({ actor: input.grantedBy, action: AUDIT_ACTIONS.grantCreated, target: input.documentId, outcome: 'success', reason: input.reason, at: now });
      return row;
    },

    /**
     * A time-boxed grant to a whole case (documentId null) for a consultant: an accepted referral or an
     * MDT invitation. Audited with `reason`. Without its own transaction, so it commits with the step
     * that lets them in.
     */
    async createConsultGrant(input: { caseId: string; clinicianId: string; grantedBy: string; expiresAt: number; reason: string; now: number }): Promise<GrantRow> {
      const row: GrantRow = {
        id: newId(),
        kind: 'consult',
        documentId: null,
        caseId: input.caseId,
        clinicianId: input.clinicianId,
        createdAt: input.now,
        expiresAt: input.expiresAt,
        requestId: null,
        revokedAt: null,
        expiryRecordedAt: null,
      };
      await repo.insert(row);
      audit.append({ actor: input.grantedBy, action: AUDIT_ACTIONS.grantCreated, target: input.caseId, outcome: 'success', reason: `consult_${input.reason}`, at: input.now });
      return row;
    },

    /** Which live grants let `clinicianId` at `documentId` (of `caseId`) at `now`. Expired or revoked ones don't count. */
    async activeGrantFor(clinicianId: string, documentId: string, caseId: string, now = clock.now()): Promise<ActiveGrants> {
      return activeGrantsOf(await repo.liveFor(clinicianId, caseId, now), documentId);
    },

    /** Every live grant the clinician holds, on any case (few: grants are time-boxed). */
    liveOf: async (clinicianId: string, now = clock.now()): Promise<GrantRow[]> => repo.liveForClinician(clinicianId, now),

    /** Whether the clinician holds a live grant on the case (break-glass, consult) or on any of its documents: one query, whatever the case's size. */
    async holdsAnyOnCase(clinicianId: string, caseId: string, now = clock.now()): Promise<boolean> {
      // Case-wide (consult, break-glass) or an approval on one of the case's documents: a grant carries its document's case, and documents never change case.
      return (await repo.liveFor(clinicianId, caseId, now)).length > 0;
    },

    async revoke(grantId: string, actor: string): Promise<void> {
      const grant = await repo.find(grantId);
      if (!grant) throw new DomainError('not_found');
      if (!(await repo.revoke(grantId, clock.now()))) throw new DomainError('conflict', 'grant already revoked');
      audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: grant.documentId ?? grant.caseId, outcome: 'success', reason: grant.kind });
    },

    find: (grantId: string) => repo.find(grantId),

    /** One page of every live grant, soonest to expire first (the console's list, for revoking). */
    livePage: (after: LiveGrantsAfter | null, limit: number, now = clock.now()) => repo.livePage(now, after, limit),

    /** Live grants on a case, oldest first (who holds access from outside the team, for revoking). */
    liveOnCase: (caseId: string, now = clock.now()) => repo.liveOnCase(caseId, now),

    /**
     * Ends these grants at once (each only if still live), audited per grant with `cause` as reason;
     * returns the ones this call ended. Without its own transaction, so a caller's change commits with it.
     */
    async end(rows: readonly GrantRow[], actor: string, cause: string, now = clock.now()): Promise<GrantRow[]> {
      const ended: GrantRow[] = [];
      for (const g of rows) if (g.expiresAt > now && (await repo.revoke(g.id, now))) ended.push(g);
      for (const g of ended) audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: g.documentId ?? g.caseId, outcome: 'success', reason: cause, at: now });
      return ended;
    },

    /**
     * Ends the live grants (approval and break-glass) of a clinician whose place on a case ended, on
     * that case or, without `caseId`, everywhere. Without its own transaction, so the care-team
     * change that causes it commits with it (called inside that change's transaction). Audited per grant with the cause as reason.
     */
    async revokeLive(clinicianId: string, caseId: string | null, actor: string, cause: string, now = clock.now()): Promise<GrantRow[]> {
      const live = caseId === null ? await repo.liveForClinician(clinicianId, now) : await repo.liveFor(clinicianId, caseId, now);
      const revoked: GrantRow[] = [];
      for (const g of live) if (await repo.revoke(g.id, now)) revoked.push(g);
      for (const g of revoked) {
        audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: g.documentId ?? g.caseId, outcome: 'success', reason: cause, at: now });
      }
      return revoked;
    },

    /** Records `grant.expired` once for every grant that ran out; returns how many. Access already stopped at expiry. */
    async sweepExpired(now = clock.now()): Promise<number> {
      let recorded = 0;
      for (;;) {
        const due = await repo.expiredUnrecorded(now, SWEEP_BATCH);
        for (const g of due) {
          if (!(await repo.markExpiryRecorded(g.id, now))) continue;
          audit.append({ actor: g.clinicianId, action: AUDIT_ACTIONS.grantExpired, target: g.documentId ?? g.caseId, outcome: 'success', reason: g.kind, at: now });
          recorded++;
        }
        if (due.length < SWEEP_BATCH) return recorded;
        await yieldToLoop(); // other requests get a turn between batches
      }
    },
  };
}

export type GrantService = ReturnType<typeof createGrantService>;

