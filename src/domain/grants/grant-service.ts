import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { GrantRepository, GrantRow } from './grant-repository.js';

export interface ActiveGrants {
  /** A live approval grant for this very document. */
  hasGrant: boolean;
  /** A live break-glass grant for the document's case. */
  hasBreakGlass: boolean;
  /** Latest expiry among the live grants that apply, for "access until …" wording. */
  expiresAt: number | null;
}

const SWEEP_BATCH = 500;

/** Creating, checking, revoking and expiring grants. */
export function createGrantService(deps: { repo: GrantRepository; audit: AuditSink; clock: Clock }) {
  const { repo, audit, clock } = deps;

  return {
    /**
     * The grant an approved request yields. Synchronous and without its own transaction, so the
     * approval service calls it inside the transaction that records the final approval.
     */
    createApprovalGrant(input: { requestId: string; documentId: string; caseId: string; clinicianId: string; approverId: string; ttlMs: number; now: number }): GrantRow {
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
      repo.insert(row);
      audit.append({ actor: input.approverId, action: AUDIT_ACTIONS.grantCreated, target: input.documentId, outcome: 'success', reason: 'approval', at: input.now });
      return row;
    },

    /** Which live grants let `clinicianId` at `documentId` (of `caseId`) at `now`. Expired or revoked ones don't count. */
    activeGrantFor(clinicianId: string, documentId: string, caseId: string, now = clock.now()): ActiveGrants {
      const applicable = repo
        .liveFor(clinicianId, caseId, now)
        .filter((g) => g.kind === 'break_glass' || g.documentId === documentId);
      return {
        hasGrant: applicable.some((g) => g.kind === 'approval'),
        hasBreakGlass: applicable.some((g) => g.kind === 'break_glass'),
        expiresAt: applicable.length ? Math.max(...applicable.map((g) => g.expiresAt)) : null,
      };
    },

    revoke(grantId: string, actor: string): void {
      const grant = repo.find(grantId);
      if (!grant) throw new DomainError('not_found');
      if (!repo.revoke(grantId, clock.now())) throw new DomainError('conflict', 'grant already revoked');
      audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: grant.documentId ?? grant.caseId, outcome: 'success', reason: grant.kind });
    },

    /**
     * Ends the live grants (approval and break-glass) of a clinician whose place on a case ended, on
     * that case or, without `caseId`, everywhere. Synchronous and without its own transaction, so the
     * care-team change that causes it commits with it. Audited per grant with the cause as reason.
     */
    revokeLive(clinicianId: string, caseId: string | null, actor: string, cause: string, now = clock.now()): GrantRow[] {
      const live = caseId === null ? repo.liveForClinician(clinicianId, now) : repo.liveFor(clinicianId, caseId, now);
      const revoked = live.filter((g) => repo.revoke(g.id, now));
      for (const g of revoked) {
        audit.append({ actor, action: AUDIT_ACTIONS.grantRevoked, target: g.documentId ?? g.caseId, outcome: 'success', reason: cause, at: now });
      }
      return revoked;
    },

    /** Records `grant.expired` once for every grant that ran out; returns how many. Access already stopped at expiry. */
    sweepExpired(now = clock.now()): number {
      let recorded = 0;
      for (;;) {
        const due = repo.expiredUnrecorded(now, SWEEP_BATCH);
        for (const g of due) {
          if (!repo.markExpiryRecorded(g.id, now)) continue;
          audit.append({ actor: g.clinicianId, action: AUDIT_ACTIONS.grantExpired, target: g.documentId ?? g.caseId, outcome: 'success', reason: g.kind, at: now });
          recorded++;
        }
        if (due.length < SWEEP_BATCH) return recorded;
      }
    },
  };
}

export type GrantService = ReturnType<typeof createGrantService>;
