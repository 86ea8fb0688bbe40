import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { GrantDuration } from '../../contract/grant-durations.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { DomainError, isDomainError } from '../../shared/errors.js';
import { assertCaseOpen } from '../../domain/cases/case-status.js';
import type { AccessDecided, AccessNotices } from './access-ports.js';

export interface DecideRequestDeps {
  approvals: Pick<ApprovalService, 'decide' | 'get'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  notices: AccessNotices;
}

/**
 * An approver approves or denies. The service enforces the state machine (double presses, stale cards,
 * wrong approver, expiry); here the people concerned are told (the requester after every step). A lapsed request tells its requester;
 * `approval.would_not_open` is rethrown with `requesterId` and `caseCode` added, for the adapter's words.
 */
export async function decideRequest(
  deps: DecideRequestDeps,
  decider: ClinicianRow,
  requestId: string,
  decision: 'approve' | 'deny',
  opts: { cardStep?: number; reason?: string; duration?: GrantDuration } = {},
): Promise<AccessDecided> {
  const { approvals, casesRepo, notices } = deps;
  if (decision === 'approve') {
    // A closed case is read-only: no new grant on it until its attending re-opens it.
    const caseRow = await casesRepo.caseById((await approvals.get(requestId)).caseId);
    if (caseRow) assertCaseOpen(caseRow);
  }
  let out;
  try {
    out = await approvals.decide({ requestId, deciderId: decider.id, decision, cardStep: opts.cardStep, reason: opts.reason, duration: opts.duration });
  } catch (err) {
    // A press after the deadline may be what notices the lapse first; the requester hears either way.
    if (isDomainError(err) && err.code === 'approval.expired') {
      const req = await approvals.get(requestId);
      await notices.requestExpired({ requestId, requesterId: req.requesterId, documentId: req.documentId });
    }
    if (isDomainError(err) && err.code === 'approval.would_not_open') {
      const req = await approvals.get(requestId);
      if (await deps.directory.findById(req.requesterId)) {
        const caseCode = (await casesRepo.caseById(req.caseId))?.code ?? '';
        throw new DomainError(err.code, err.message, { details: { ...err.details, requesterId: req.requesterId, caseCode } });
      }
    }
    throw err;
  }
  const requester = (await deps.directory.findById(out.requesterId))!;
  const caseCode = (await casesRepo.caseById(out.caseId))?.code ?? '';
  const notice = { requestId, requester, decider, documentId: out.documentId, caseCode };
  if (out.next) {
    const req = await approvals.get(requestId);
    await notices.askApprovers({ requestId, stepIndex: out.next.stepIndex, approverIds: out.next.approverIds, requester, documentId: out.documentId, caseCode, reason: req.reasonCode as PurposeOfUse });
    await notices.tellDecided({ ...notice, stepIndex: out.next.stepIndex - 1, next: { stepIndex: out.next.stepIndex, approverIds: out.next.approverIds } });
    return { kind: 'next_step', requestId, status: out.status };
  }
  // A final decision leaves the request on the step that was decided.
  const { stepIndex } = await approvals.get(requestId);
  if (out.grant) {
    await notices.tellDecided({ ...notice, stepIndex, until: out.grant.expiresAt, grantId: out.grant.id });
    return { kind: 'granted', requestId, status: out.status, until: out.grant.expiresAt, grantId: out.grant.id };
  }
  await notices.tellDecided({ ...notice, stepIndex });
  return { kind: 'declined', requestId, status: out.status };
}
