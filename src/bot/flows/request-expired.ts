import type { ExpiredRequest } from '../../domain/approvals/approval-service.js';
import type { CommandDeps } from '../commands/deps.js';
import { langOf } from '../people.js';

/**
 * Tells a requester 1:1 that their access request lapsed undecided. Keyed by the request, so the
 * sweep and a late press on the approval card (which also notices the lapse) tell them only once.
 */
export function tellRequestExpired(deps: Pick<CommandDeps, 'secure' | 'directoryRepo' | 'notify'>, r: Pick<ExpiredRequest, 'requestId' | 'requesterId' | 'documentId'>): void {
  const requester = deps.directoryRepo.findById(r.requesterId);
  if (!requester) return;
  const doc = deps.secure.documentsRepo.find(r.documentId);
  const code = (doc && deps.secure.casesRepo.caseById(doc.caseId)?.code) || '';
  const zh = langOf(requester) === 'zh';
  const text = zh
    ? `你對 ${code} 報告的存取申請已過期；如仍需要，請再次申請。`
    : `Your request for the ${code} report expired; ask again if you still need it.`;
  deps.notify.toUser(`expired:${r.requestId}`, requester.dingtalkUserId, zh ? '申請已過期' : 'Request expired', text);
}
