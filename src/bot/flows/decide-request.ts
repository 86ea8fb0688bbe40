import type { PurposeOfUse } from '../../domain/approvals/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import type { Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { askApprovers } from './request-access.js';
import { openDocument, openText } from './open-document.js';
import { tellRequestExpired } from './request-expired.js';
import { isDomainError } from '../../shared/errors.js';
import { wouldNotOpenError } from './would-not-open.js';

/**
 * An approver approves or denies (card press or text). The service enforces the state machine
 * (double presses, stale cards, wrong approver, expiry); here we only tell the people concerned.
 */
export function decideRequest(
  deps: CommandDeps,
  decider: ClinicianRow,
  requestId: string,
  decision: 'approve' | 'deny',
  lang: Lang,
  cardStep?: number,
  /** The decider's note (mini-app); kept with the decided step, never put into the audit log. */
  reason?: string,
): string {
  const { secure, directoryRepo: dir, notify } = deps;
  let out;
  try {
    out = secure.approvals.decide({ requestId, deciderId: decider.id, decision, cardStep, reason });
  } catch (err) {
    // A press after the deadline may be what notices the lapse first; the requester hears either way.
    if (isDomainError(err) && err.code === 'approval.expired') {
      const req = secure.approvals.get(requestId);
      tellRequestExpired(deps, { requestId, requesterId: req.requesterId, documentId: req.documentId });
    }
    // Approving would grant something useless: the approver hears who could not open it and why.
    if (isDomainError(err) && err.code === 'approval.would_not_open') {
      const req = secure.approvals.get(requestId);
      const requester = dir.findById(req.requesterId);
      if (requester) throw wouldNotOpenError(err, dir, requester, secure.casesRepo.caseById(req.caseId)?.code ?? '', lang);
    }
    throw err;
  }
  const requester = dir.findById(out.requesterId)!;
  const caseCode = secure.casesRepo.caseById(out.caseId)?.code ?? '';
  const rLang = langOf(requester);
  if (out.next) {
    const req = secure.approvals.get(requestId);
    askApprovers(deps, requestId, out.next.stepIndex, out.next.approverIds, requester, out.documentId, caseCode, req.reasonCode as PurposeOfUse);
    return lang === 'zh' ? '已批准，等待下一位批核人。' : 'Approved — waiting for the next approver.';
  }
  if (out.grant) {
    const open = openDocument(deps, requester, out.documentId, rLang);
    const until = hkDateTime(out.grant.expiresAt);
    const text =
      rLang === 'zh'
        ? `${personLine(dir, decider, rLang)} 已批准你存取 ${caseCode} 的報告，直至 ${until}。\n${openText(open, rLang)}`
        : `${personLine(dir, decider, rLang)} approved your access to the ${caseCode} report until ${until}.\n${openText(open, rLang)}`;
    notify.toUser(`decided:${requestId}`, requester.dingtalkUserId, rLang === 'zh' ? '已獲批准' : 'Access granted', text);
    return lang === 'zh' ? `已批准，有效至 ${until}。` : `Approved until ${until}.`;
  }
  const text =
    rLang === 'zh'
      ? `${personLine(dir, decider, rLang)} 拒絕了你存取 ${caseCode} 報告的申請。`
      : `${personLine(dir, decider, rLang)} declined your request to view the ${caseCode} report.`;
  notify.toUser(`decided:${requestId}`, requester.dingtalkUserId, rLang === 'zh' ? '申請被拒' : 'Request declined', text);
  return lang === 'zh' ? '已拒絕，申請人已獲通知。' : 'Denied; the requester has been told.';
}
