import { assertCaseOpen } from '../../domain/cases/case-status.js';
import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { AccessNotices, AccessRequested } from './access-ports.js';

export interface RequestAccessDeps {
  approvals: Pick<ApprovalService, 'requestAccess' | 'get'>;
  documents: Pick<DocumentRepository, 'find'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  notices: Pick<AccessNotices, 'askApprovers'>;
}

/**
 * A clinician asks to view one document: the request is recorded (a second ask returns the same
 * pending request), and each approver of the current step is asked. Throws the service's coded errors
 * (`request.invalid`, `document.not_found`, …).
 */
export async function requestAccess(
  deps: RequestAccessDeps,
  requester: ClinicianRow,
  documentId: string,
  reason: PurposeOfUse,
): Promise<AccessRequested> {
  const { approvals } = deps;
  const target = await deps.documents.find(documentId);
  const caseRow = target ? await deps.casesRepo.caseById(target.caseId) : undefined;
  if (caseRow) assertCaseOpen(caseRow);
  const outcome = await approvals.requestAccess({ documentId, requesterId: requester.id, reasonCode: reason });
  const doc = (await deps.documents.find(documentId))!;
  const caseCode = (await deps.casesRepo.caseById(doc.caseId))?.code ?? '';
  const ask = { requestId: outcome.requestId, stepIndex: outcome.stepIndex, approverIds: outcome.approverIds, requester, documentId, caseCode, reason };
  await deps.notices.askApprovers(ask);
  return { ...ask, status: (await approvals.get(outcome.requestId)).status };
}
