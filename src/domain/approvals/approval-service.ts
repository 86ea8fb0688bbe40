import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Transaction } from '../../shared/transactions.js';
import type { GrantService } from '../grants/grant-service.js';
import type { DocumentRepository } from '../sharing/document-repository.js';
import { grantTtlMs, type SharingSettings } from '../sharing/sharing-settings.js';
import type { GrantDuration } from '../../contract/grant-durations.js';
import type { ApprovalRepository, AccessRequestRow } from './approval-repository.js';
import { isLapsed, judge, type Refusal, type RequestSnapshot } from './approval-rules.js';
import type { ApproverStep } from './approval-steps.js';
import type { AccessRequestStatus } from './approvals-tables.js';
import { isPurposeOfUse } from '../../contract/purpose-of-use.js';
import { yieldToLoop } from '../../shared/batches.js';

/**
 * Port: what would still stop the requester opening the document if it were approved now (consent,
 * restricted-category consent, …), as condition codes; empty when a grant would work.
 */
export type MissingDespiteGrant = (requesterId: string, documentId: string) => Promise<readonly string[]>;

/** Port: the clinicians who may decide `step` for a document (its case's attendings, the privacy officers). */
export type ApproversFor = (step: ApproverStep, documentId: string) => Promise<readonly string[]>;

export interface RequestOutcome {
  requestId: string;
  /** False when an identical pending request already existed and is returned instead. */
  created: boolean;
  documentId: string;
  caseId: string;
  step: ApproverStep;
  stepIndex: number;
  /** Whom to ask now (never the requester). */
  approverIds: string[];
  expiresAt: number;
}

export interface DecideOutcome {
  requestId: string;
  status: AccessRequestStatus;
  requesterId: string;
  documentId: string;
  caseId: string;
  /** When the request moved to its next step: that step and whom to ask. */
  next?: { step: ApproverStep; stepIndex: number; approverIds: string[] };
  /** When the last step approved. */
  grant?: { id: string; expiresAt: number };
}

export interface ExpiredRequest {
  requestId: string;
  requesterId: string;
  documentId: string;
}

const SWEEP_BATCH = 500;

/**
 * Approval-gated access to one document. Every read-decide-write runs in one transaction (the
 * Transaction port: one at a time, no outside I/O inside), so two presses racing on the same card
 * cannot both win; the caller sends notifications afterwards from what is returned.
 */
export function createApprovalService(deps: {
  transaction: Transaction;
  repo: ApprovalRepository;
  documents: Pick<DocumentRepository, 'find'>;
  grants: Pick<GrantService, 'createApprovalGrant'>;
  audit: AuditSink;
  clock: Clock;
  settings: Pick<SharingSettings, 'approverChain' | 'requestTtlMs' | 'approvalGrantTtlMs' | 'grantDurationByPurpose' | 'reasonCodes'>;
  approversFor: ApproversFor;
  missingDespiteGrant: MissingDespiteGrant;
}) {
  const { transaction, repo, documents, grants, audit, clock, settings, approversFor, missingDespiteGrant } = deps;

  /** Approvers of a step, minus the requester and anyone who already decided a step of this request. */
  async function askable(row: AccessRequestRow, stepIndex: number, exclude: readonly string[]): Promise<string[]> {
    const skip = new Set([row.requesterId, ...exclude]);
    return [...new Set(await approversFor(row.chain[stepIndex]!, row.documentId))].filter((id) => !skip.has(id));
  }

  async function expire(row: AccessRequestRow, now: number): Promise<boolean> {
    if (!(await repo.expire(row.id, now))) return false;
    audit.append({ actor: 'system', action: AUDIT_ACTIONS.accessRequestExpired, target: row.id, outcome: 'success', at: now });
    return true;
  }

  async function requestAccess(input: { documentId: string; requesterId: string; reasonCode: string }): Promise<RequestOutcome> {
    const { documentId, requesterId, reasonCode } = input;
    if (!isPurposeOfUse(reasonCode) || !settings.reasonCodes.includes(reasonCode)) {
      throw new DomainError('request.invalid', 'unknown purpose of use');
    }
    const now = clock.now();
    return transaction(async () => {
      const doc = await documents.find(documentId);
      if (!doc || doc.status !== 'active') throw new DomainError('document.not_found');
      let row = await repo.findPending(documentId, requesterId);
      if (row && isLapsed(row, now)) {
        await expire(row, now);
        row = undefined;
      }
      const created = !row;
      if (!row) {
        const fresh = { id: newId(), documentId, caseId: doc.caseId, requesterId, reasonCode, chain: [...settings.approverChain], stepIndex: 0, status: 'pending' as const, createdAt: now, expiresAt: now + settings.requestTtlMs, decidedAt: null, grantId: null };
        await repo.insert(fresh);
        audit.append({ actor: requesterId, action: AUDIT_ACTIONS.accessRequested, target: fresh.id, outcome: 'success', reason: reasonCode, at: now });
        row = fresh;
      }
      const decidedBy = (await repo.steps(row.id)).map((s) => s.deciderId);
      return { requestId: row.id, created, documentId, caseId: row.caseId, step: row.chain[row.stepIndex]!, stepIndex: row.stepIndex, approverIds: await askable(row, row.stepIndex, decidedBy), expiresAt: row.expiresAt };
    });
  }

  async function decide(input: { requestId: string; deciderId: string; decision: 'approve' | 'deny'; reason?: string; cardStep?: number; duration?: GrantDuration }): Promise<DecideOutcome> {
    const now = clock.now();
    const action = input.decision === 'approve' ? AUDIT_ACTIONS.accessApproved : AUDIT_ACTIONS.accessDeniedByApprover;
    const result = await transaction(async (): Promise<{ refused: Refusal | 'not_found' } | { useless: readonly string[] } | { outcome: DecideOutcome }> => {
      const row = await repo.find(input.requestId);
      if (!row) return { refused: 'not_found' as const };
      const steps = await repo.steps(row.id);
      const snapshot: RequestSnapshot = { ...row, decided: steps };
      // The rules stay pure (no I/O): the current step's approvers are read before they judge.
      const approvers = await approversFor(row.chain[row.stepIndex]!, row.documentId);
      const verdict = judge(snapshot, { ...input, now, approvers: () => approvers });
      if (!verdict.ok) {
        if (verdict.expireNow) await expire(row, now);
        audit.append({ actor: input.deciderId, action, target: row.id, outcome: 'denied', reason: verdict.reason, at: now });
        return { refused: verdict.code };
      }
      const step = row.chain[row.stepIndex]!;
      if (input.decision === 'approve') {
        // A grant the policy would still refuse helps nobody: say what is missing, leave the request pending.
        const missing = await missingDespiteGrant(row.requesterId, row.documentId);
        if (missing.length > 0) {
          audit.append({ actor: input.deciderId, action, target: row.id, outcome: 'denied', reason: `would_not_open:${missing.join(',')}`.slice(0, 64), at: now });
          return { useless: missing };
        }
      }
      const status: AccessRequestStatus = verdict.outcome === 'advanced' ? 'pending' : verdict.outcome;
      const stepIndex = verdict.outcome === 'advanced' ? row.stepIndex + 1 : row.stepIndex;
      // Guarded on (pending, step): under the IMMEDIATE lock it cannot miss, but it never acts on a stale read.
      if (!(await repo.transition(row.id, row.stepIndex, { status, stepIndex, decidedAt: status === 'pending' ? null : now }))) {
        throw new DomainError('conflict');
      }
      await repo.insertStep({ requestId: row.id, stepIndex: row.stepIndex, step, deciderId: input.deciderId, decision: input.decision, note: input.reason?.trim() || null, decidedAt: now });
      // Step codes, not the decider's free-text note, go into the audit.
      audit.append({ actor: input.deciderId, action, target: row.id, outcome: 'success', reason: step, at: now });
      const base = { requestId: row.id, requesterId: row.requesterId, documentId: row.documentId, caseId: row.caseId, status };
      if (status === 'denied') return { outcome: base };
      if (status === 'pending') {
        const approverIds = await askable(row, stepIndex, [...steps.map((s) => s.deciderId), input.deciderId]);
        return { outcome: { ...base, next: { step: row.chain[stepIndex]!, stepIndex, approverIds } } };
      }
      const grant = await grants.createApprovalGrant({ requestId: row.id, documentId: row.documentId, caseId: row.caseId, clinicianId: row.requesterId, approverId: input.deciderId, ttlMs: grantTtlMs(settings, row.reasonCode, input.duration), now });
      await repo.setGrant(row.id, grant.id);
      return { outcome: { ...base, grant: { id: grant.id, expiresAt: grant.expiresAt } } };
    });
    if ('refused' in result) throw new DomainError(result.refused);
    if ('useless' in result) throw new DomainError('approval.would_not_open', undefined, { details: { missing: [...result.useless] } });
    return result.outcome;
  }

  /** Expires every pending request whose time is up; returns them so requesters can be told. */
  async function expireDue(now = clock.now()): Promise<ExpiredRequest[]> {
    const expired: ExpiredRequest[] = [];
    for (;;) {
      const due = await repo.lapsed(now, SWEEP_BATCH);
      await transaction(async () => {
        for (const row of due) if (await expire(row, now)) expired.push({ requestId: row.id, requesterId: row.requesterId, documentId: row.documentId });
      });
      if (due.length < SWEEP_BATCH) return expired;
      await yieldToLoop(); // other requests get a turn between batches
    }
  }

  /** The request and its decided steps, for cards and status replies. */
  /** Pending requests on these documents that `approverId` may decide at their current step, oldest first. */
  async function pendingFor(approverId: string, documentIds: string[]): Promise<AccessRequestRow[]> {
    const mine: AccessRequestRow[] = [];
    for (const r of await repo.pendingForDocuments(documentIds)) {
      if ((await deps.approversFor(r.chain[r.stepIndex]!, r.documentId)).includes(approverId)) mine.push(r);
    }
    return mine;
  }

  async function get(requestId: string) {
    const row = await repo.find(requestId);
    if (!row) throw new DomainError('not_found');
    return { ...row, step: row.chain[row.stepIndex]!, steps: await repo.steps(requestId) };
  }

  return { requestAccess, decide, expireDue, get, pendingFor };
}

export type ApprovalService = ReturnType<typeof createApprovalService>;
