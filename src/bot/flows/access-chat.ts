import { purposeLabel } from '../../contract/purpose-of-use.js';
import type { AccessChat } from '../../usecases/access/access-ports.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDate, hkDateTime } from '../format.js';
import { say } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { approveButtons, settleDecidedCard, tellProgress } from './decided-card.js';
import { durationOfMs } from '../../contract/grant-durations.js';
import { documentTypeLabel } from '../../contract/document-types.js';
import { grantTtlMs } from '../../domain/sharing/sharing-settings.js';
import { openDocument, openText } from './open-document.js';
import { tellRequestExpired } from './request-expired.js';
import { wouldNotOpenError } from './would-not-open.js';
import { postRequesterCard, settleRequesterDecided } from './requester-card.js';

/** What the access notices and replies read and send through. */
export type AccessChatDeps = Pick<CommandDeps, 'documents' | 'casesRepo' | 'access' | 'settings' | 'directoryRepo' | 'notify' | 'publicUrl'>;

/** The access intents' notices and replies in chat words (used by the bot, and wired into the mini-app API). */
export function createAccessChat(deps: AccessChatDeps): AccessChat {
  const { notify } = deps;
  const dir = deps.directoryRepo;
  return {
    /** Approve/deny cards to each approver of a step, in the approver's language. */
    async askApprovers(ask) {
      const { requestId, stepIndex, approverIds, requester, documentId, caseCode, reason } = ask;
      const doc = (await deps.documents.find(documentId))!;
      const def = durationOfMs(grantTtlMs(deps.settings, reason));
      for (const approverId of approverIds) {
        const approver = await dir.findById(approverId);
        if (!approver) continue;
        const lang = langOf(approver);
        const who = await personLine(dir, requester, lang);
        const type = documentTypeLabel(doc.docType, lang);
        const text = say(lang, T.approverCard, who, caseCode, hkDate(doc.createdAt), purposeLabel(reason, lang), type);
        const params = { requestId, step: String(stepIndex) };
        const title = `${say(lang, T.approverCardTitle)} · ${type}`;
        await notify.cardToUser(`req:${requestId}:${stepIndex}:${approverId}`, approver.dingtalkUserId, title, text, [
          ...approveButtons(params, def, lang),
          { label: say(lang, T.denyButton), action: 'decide', params: { ...params, decision: 'deny' } },
        ]);
      }
      // The requester's own card, updated as the request moves on (later steps are told through tellDecided).
      if (stepIndex === 0) await postRequesterCard(deps, ask);
    },
    requestExpired: (r) => tellRequestExpired(deps, r),
    async tellDecided(d) {
      const { requestId, requester, decider, documentId, caseCode, until, next } = d;
      await settleDecidedCard(deps, d);
      await settleRequesterDecided(deps, d);
      if (next) return tellProgress(deps, { ...d, next });
      const rLang = langOf(requester);
      if (until !== undefined) {
        const open = await openDocument(deps, requester, documentId, rLang);
        const text = say(rLang, T.granted, await personLine(dir, decider, rLang), caseCode, hkDateTime(until), openText(open, rLang));
        await notify.toUser(`decided:${requestId}`, requester.dingtalkUserId, say(rLang, T.grantedTitle), text);
        return;
      }
      const text = say(rLang, T.declined, await personLine(dir, decider, rLang), caseCode);
      await notify.toUser(`decided:${requestId}`, requester.dingtalkUserId, say(rLang, T.declinedTitle), text);
    },
    async requestedReply(r, lang) {
      if (r.approverIds.length === 0) return say(lang, T.requestNoApprover, r.caseCode);
      const lines: string[] = [];
      for (const id of r.approverIds) lines.push(await personLine(dir, id, lang));
      const names = lines.join('; ');
      return say(lang, T.requestAsked, names, r.caseCode, purposeLabel(r.reason, lang));
    },
    decidedReply(d, lang) {
      if (d.kind === 'next_step') return say(lang, T.approvedNextStep);
      if (d.kind === 'granted') return say(lang, T.approvedUntil, hkDateTime(d.until));
      return say(lang, T.deniedDone);
    },
    async wouldNotOpen(err, lang) {
      const requester = await dir.findById(String(err.details?.requesterId ?? ''));
      return requester ? wouldNotOpenError(err, dir, requester, String(err.details?.caseCode ?? ''), lang) : err;
    },
  };
}
