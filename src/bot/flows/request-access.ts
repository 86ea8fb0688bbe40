import { purposeLabel, type PurposeOfUse } from '../../domain/approvals/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDate } from '../format.js';
import type { Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';

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
    return lang === 'zh' ? `已記錄你對 ${caseCode} 報告的申請，但暫時沒有可批核的人。` : `Your request for the ${caseCode} report is recorded, but nobody can approve it yet.`;
  }
  return lang === 'zh'
    ? `已向 ${names} 申請存取 ${caseCode} 的報告（原因：${purposeLabel(reason, 'zh')}）。有決定時會通知你。`
    : `Asked ${names} for access to the ${caseCode} report (reason: ${purposeLabel(reason, 'en')}). I'll tell you when they decide.`;
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
    const text =
      lang === 'zh'
        ? `${who} 申請查看 ${caseCode} 於 ${hkDate(doc.createdAt)} 的報告 — 原因：${purposeLabel(reason, 'zh')}。`
        : `${who} asks to view the report of ${hkDate(doc.createdAt)} for ${caseCode} — reason: ${purposeLabel(reason, 'en')}.`;
    const params = { requestId, step: String(stepIndex) };
    deps.notify.cardToUser(`req:${requestId}:${stepIndex}:${approverId}`, approver.dingtalkUserId, lang === 'zh' ? '存取申請' : 'Access request', text, [
      { label: lang === 'zh' ? `批准 ${hours} 小時` : `Approve ${hours} h`, action: 'decide', params: { ...params, decision: 'approve' } },
      { label: lang === 'zh' ? '拒絕' : 'Deny', action: 'decide', params: { ...params, decision: 'deny' } },
    ]);
  }
}
