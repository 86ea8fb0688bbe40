import { purposeLabel, type PurposeOfUse } from '../../domain/approvals/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDate } from '../format.js';
import type { Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { say } from '../i18n.js';

/**
 * A clinician asks to view one document: the request is recorded (a second ask returns the same
 * request), and each approver of the current step gets an approve/deny card 1:1.
 */
export function requestAccess(deps: CommandDeps, requester: ClinicianRow, documentId: string, reason: PurposeOfUse, lang: Lang): string {
  const { secure, directoryRepo: dir } = deps;
  const outcome = secure.approvals.requestAccess({ documentId, requesterId: requester.id, reasonCode: reason });
  const doc = secure.documentsRepo.find(documentId)!;
  const caseCode = secure.casesRepo.caseById(doc.caseId)?.code ?? '';
  askApprovers(deps, outcome.requestId, outcome.stepIndex, outcome.approverIds, requester, documentId, caseCode, reason);
  const names = outcome.approverIds.map((id) => personLine(dir, id, lang)).join('; ');
  if (outcome.approverIds.length === 0) {
    return say(lang, T.requestNoApprover, caseCode);
  }
  return say(lang, T.requestAsked, names, caseCode, purposeLabel(reason, lang));
}

/** Approve/deny cards to each approver of a step, in the approver's language. */
export function askApprovers(
  deps: CommandDeps,
  requestId: string,
  stepIndex: number,
  approverIds: readonly string[],
  requester: ClinicianRow,
  documentId: string,
  caseCode: string,
  reason: PurposeOfUse,
): void {
  const doc = deps.secure.documentsRepo.find(documentId)!;
  const hours = Math.round(deps.secure.settings.approvalGrantTtlMs / 3_600_000);
  for (const approverId of approverIds) {
    const approver = deps.directoryRepo.findById(approverId);
    if (!approver) continue;
    const lang = langOf(approver);
    const who = personLine(deps.directoryRepo, requester, lang);
    const text = say(lang, T.approverCard, who, caseCode, hkDate(doc.createdAt), purposeLabel(reason, lang));
    const params = { requestId, step: String(stepIndex) };
    deps.notify.cardToUser(`req:${requestId}:${stepIndex}:${approverId}`, approver.dingtalkUserId, say(lang, T.approverCardTitle), text, [
      { label: say(lang, T.approveButton, hours), action: 'decide', params: { ...params, decision: 'approve' } },
      { label: say(lang, T.denyButton), action: 'decide', params: { ...params, decision: 'deny' } },
    ]);
  }
}
