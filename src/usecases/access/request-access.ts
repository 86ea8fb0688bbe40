import type { PurposeOfUse } from '../../domain/approvals/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { SecureSharing } from '../../secure-sharing.js';
import type { AccessNotices, AccessRequested } from './access-ports.js';

/**
 * A clinician asks to view one document: the request is recorded (a second ask returns the same
 * pending request), and each approver of the current step is asked. Throws the service's coded errors
 * (`request.invalid`, `document.not_found`, …).
 */
export async function requestAccess(
  deps: { secure: Pick<SecureSharing, 'approvals' | 'documentsRepo' | 'casesRepo'>; notices: Pick<AccessNotices, 'askApprovers'> },
  requester: ClinicianRow,
  documentId: string,
  reason: PurposeOfUse,
): Promise<AccessRequested> {
  const { secure } = deps;
  const outcome = await secure.approvals.requestAccess({ documentId, requesterId: requester.id, reasonCode: reason });
  const doc = (await secure.documentsRepo.find(documentId))!;
  const caseCode = (await secure.casesRepo.caseById(doc.caseId))?.code ?? '';
  const ask = { requestId: outcome.requestId, stepIndex: outcome.stepIndex, approverIds: outcome.approverIds, requester, documentId, caseCode, reason };
  await deps.notices.askApprovers(ask);
  return { ...ask, status: (await secure.approvals.get(outcome.requestId)).status };
}
