import type { ExpiredRequest } from '../../domain/approvals/approval-service.js';
import type { CommandDeps } from '../commands/deps.js';
import { say } from '../i18n.js';
import { langOf } from '../people.js';
import { NOTICE_TEXTS as T } from '../texts/notice-texts.js';
import { settleExpiredCards } from './decided-card.js';
import { settleRequesterExpired } from './requester-card.js';

/**
 * A request lapsed undecided: every approver card it posted is settled to "expired" (no buttons), so
 * is the requester's own card, and the requester is told 1:1. Keyed by the request, so the
 * sweep and a late press on the approval card (which also notices the lapse) tell them only once.
 */
export async function tellRequestExpired(deps: Pick<CommandDeps, 'documents' | 'casesRepo' | 'directoryRepo' | 'notify'>, r: Pick<ExpiredRequest, 'requestId' | 'requesterId' | 'documentId'>): Promise<void> {
  await settleExpiredCards(deps, r.requestId);
  const requester = await deps.directoryRepo.findById(r.requesterId);
  if (!requester) return;
  await settleRequesterExpired(deps, requester, r.requestId);
  const doc = await deps.documents.find(r.documentId);
  const code = (doc && (await deps.casesRepo.caseById(doc.caseId))?.code) || '';
  const lang = langOf(requester);
  await deps.notify.toUser(`expired:${r.requestId}`, requester.dingtalkUserId, say(lang, T.requestExpiredTitle), say(lang, T.requestExpired, code));
}
