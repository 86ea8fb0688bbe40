import { PURPOSE_CODES, purposeLabel } from '../contract/purpose-of-use.js';
import type { CardAction, CardResponse } from '../dingtalk/inbound.js';
import type { DirectoryService } from '../domain/directory/directory-service.js';
import { AUDIT_ACTIONS } from '../shared/audit-sink.js';
import { DomainError, isDomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { CommandDeps } from './commands/deps.js';
import { parseReason } from './commands/request.js';
import { decideRequest, type DecideRequestDeps } from './flows/decide-request.js';
import { decidedButtons, decidedLine } from './flows/decided-card.js';
import { revokeByCard, type RevokeByCardDeps } from './flows/revoke-grant.js';
import { isGrantDuration } from '../contract/grant-durations.js';
import { openDocument, openText } from './flows/open-document.js';
import { openBurnText } from './flows/open-burn.js';
import { BURN_OPEN_ACTION } from './burn-notices.js';
import { ALERT_STATUS_ACTION } from './flows/alert-status-card.js';
import { appLink } from './flows/app-link.js';
import { say as words } from './i18n.js';
import { STATUS_CARD_TEXTS } from './texts/status-card-texts.js';
import { requestAccess } from './flows/request-access.js';
import { REFERRAL_ACCEPT_ACTION, REFERRAL_DECLINE_ACTION } from './flows/referral-cards.js';
import { pressReferral, REFERRAL_OPEN_ACTION, referralLink } from './flows/referral-press.js';
import { langOf } from './people.js';
import { replyForError } from './reply-for-error.js';
import { ACCESS_TEXTS as T } from './texts/access-texts.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const ACTIONS = new Set(['open', 'request_access', 'request_reason', 'decide', 'revoke', BURN_OPEN_ACTION, ALERT_STATUS_ACTION, REFERRAL_ACCEPT_ACTION, REFERRAL_DECLINE_ACTION, REFERRAL_OPEN_ACTION]);

/**
 * Card button presses, routed by the `action` param the card carries: open a document, ask for
 * access (pick a reason, then request), approve or deny. The presser is whoever DingTalk says
 * pressed — being able to see a card grants nothing. Answers travel 1:1 and as the card's private data.
 */
export async function handleCardAction(
  deps: DecideRequestDeps & RevokeByCardDeps & Pick<CommandDeps, 'burn' | 'clock' | 'audit' | 'publicUrl' | 'referrals'>,
  directory: DirectoryService,
  action: CardAction,
  logger: Logger,
): Promise<CardResponse | null> {
  const actor = await directory.resolveOrEnroll(action.userId, '');
  const me = actor.clinician;
  const lang = langOf(me);
  const say = (text: string) => deps.notify.toUser(`card:${action.callbackId}`, me.dingtalkUserId, 'ConsultBridge', text);
  const status = (text: string): CardResponse => ({
    userPrivateData: { cardParamMap: { status: text } },
    cardUpdateOptions: { updatePrivateDataByKey: true },
  });
  try {
    if (!actor.trusted) throw new DomainError(me.suspended ? 'actor.suspended' : 'actor.unverified');
    const p = action.params;
    switch (str(p.action)) {
      case 'open': {
        await say(openText(await openDocument(deps, me, str(p.documentId), lang), lang));
        return null;
      }
      case BURN_OPEN_ACTION: {
        await say(await openBurnText(deps, me, str(p.itemId), lang));
        return null;
      }
      case ALERT_STATUS_ACTION: {
        // The status screen itself lets only the raiser look (GET /api/app/alerts/:id/status).
        await say(words(lang, STATUS_CARD_TEXTS.alertStatusLink, appLink(deps.publicUrl, 'alert', str(p.alertId))));
        return null;
      }
      case 'request_access': {
        const documentId = str(p.documentId);
        await deps.notify.cardToUser(`reasons:${action.callbackId}`, me.dingtalkUserId, T.reasonCardTitle[lang], T.reasonCardText[lang],
          PURPOSE_CODES.map((c) => ({ label: purposeLabel(c, lang), action: 'request_reason', params: { documentId, reason: c } })));
        return null;
      }
      case 'request_reason': {
        const reason = parseReason(str(p.reason));
        if (!reason) throw new DomainError('request.invalid');
        await say(await requestAccess(deps, me, str(p.documentId), reason, lang));
        return null;
      }
      case 'decide': {
        const decision = str(p.decision) === 'approve' ? 'approve' : 'deny';
        const step = Number.parseInt(str(p.step), 10);
        const duration = isGrantDuration(p.duration) ? p.duration : undefined;
        const { decided } = await decideRequest(deps, me, str(p.requestId), decision, lang, Number.isFinite(step) ? step : undefined, duration);
        // The card's final state at once (the outbox sends the same): who decided, until when, only [Revoke] left.
        const line = await decidedLine(deps, me, decided, lang);
        const buttons = decidedButtons(decided.kind === 'granted' ? decided.grantId : undefined, lang);
        return { ...status(line), cardData: { cardParamMap: { status: line, buttons } }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true } };
      }
      case 'revoke': {
        const text = await revokeByCard(deps, me, str(p.grantId), lang);
        await say(text);
        return { ...status(text), cardData: { cardParamMap: { buttons: '[]' } }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true } };
      }
      case REFERRAL_OPEN_ACTION: {
        await say(referralLink(deps, str(p.referralId), lang));
        return null;
      }
      case REFERRAL_ACCEPT_ACTION:
      case REFERRAL_DECLINE_ACTION: {
        const text = await pressReferral(deps, me, str(p.action) === REFERRAL_ACCEPT_ACTION ? 'accept' : 'decline', str(p.referralId), str(p.reason), lang);
        await say(text);
        return { ...status(text), cardData: { cardParamMap: { status: text, buttons: '[]' } }, cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true } };
      }
      default:
        throw new DomainError('request.invalid');
    }
  } catch (err) {
    // Every refused press is on the record: who, which button (only a known name), and the code.
    const code = isDomainError(err) ? err.code : 'internal';
    const button = str(action.params.action);
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.cardPressed, target: ACTIONS.has(button) ? button : 'unknown', outcome: code === 'internal' ? 'failure' : 'denied', reason: code });
    const text = replyForError(err, lang, logger);
    await say(text);
    // A press on a card already decided leaves the card's final state as it is; the presser is told 1:1.
    return code === 'approval.already_decided' ? null : status(text);
  }
}
