import { documentTypeLabel } from '../../contract/document-types.js';
import { purposeLabel } from '../../contract/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { ApproverAsk, DecidedNotice } from '../../usecases/access/access-ports.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDate, hkDateTime } from '../format.js';
import { say, type Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import type { CardButton } from '../outbound.js';
import { STATUS_CARD_TEXTS as T } from '../texts/status-card-texts.js';

type Deps = Pick<CommandDeps, 'documents' | 'directoryRepo' | 'notify'>;

/**
 * The requester's live card of an access request, 1:1: what was asked for and, in its status line,
 * where the request stands — sent (waiting for whom), approved and now with whom, approved until when
 * (with [Open]), denied, expired, access ended. Updated in place through the same `card.update` path
 * as the approvers' cards; each change is keyed by the request and the event, so it is sent once.
 * Not under `req:<id>:`, the prefix of the approvers' cards.
 */
export const requesterCardId = (requestId: string) => `reqst:${requestId}`;

async function names(deps: Pick<Deps, 'directoryRepo'>, ids: readonly string[], lang: Lang): Promise<string> {
  const lines: string[] = [];
  for (const id of ids) lines.push(await personLine(deps.directoryRepo, id, lang));
  return lines.join('; ');
}

/** A request was sent: its card, waiting for the first step's approvers. A repeated ask of the same pending request posts nothing new. */
export async function postRequesterCard(deps: Deps, ask: ApproverAsk): Promise<void> {
  const lang = langOf(ask.requester);
  const doc = await deps.documents.find(ask.documentId);
  const about = doc ? say(lang, T.requestAbout, documentTypeLabel(doc.docType, lang), hkDate(doc.createdAt), purposeLabel(ask.reason, lang)) : '';
  const status = ask.approverIds.length > 0 ? say(lang, T.requestWaiting, await names(deps, ask.approverIds, lang)) : say(lang, T.requestNobody);
  await deps.notify.cardToUser(requesterCardId(ask.requestId), ask.requester.dingtalkUserId, say(lang, T.requestTitle, ask.caseCode), about, [], { status });
}

async function settle(deps: Pick<Deps, 'notify'>, requestId: string, event: string, status: string, buttons: CardButton[] = []): Promise<void> {
  await deps.notify.settleCard(`${requesterCardId(requestId)}:${event}`, requesterCardId(requestId), { status }, buttons);
}

/** A step was decided: approved and now with whom, approved until when (with [Open]), or denied. */
export async function settleRequesterDecided(deps: Deps, d: DecidedNotice): Promise<void> {
  const lang = langOf(d.requester);
  const who = await personLine(deps.directoryRepo, d.decider, lang);
  if (d.next) {
    const status = d.next.approverIds.length > 0 ? say(lang, T.requestNextStep, who, await names(deps, d.next.approverIds, lang)) : say(lang, T.requestNextNobody, who);
    return settle(deps, d.requestId, `step:${d.next.stepIndex}`, status);
  }
  if (d.until === undefined) return settle(deps, d.requestId, 'decided', say(lang, T.requestDenied, who));
  const open: CardButton = { label: say(lang, T.requestOpen), action: 'open', params: { documentId: d.documentId }, opens: { screen: 'doc', id: d.documentId } };
  await settle(deps, d.requestId, 'decided', say(lang, T.requestGranted, who, hkDateTime(d.until)), [open]);
}

/** The request lapsed undecided. */
export async function settleRequesterExpired(deps: Pick<Deps, 'notify'>, requester: ClinicianRow, requestId: string): Promise<void> {
  await settle(deps, requestId, 'expired', say(langOf(requester), T.requestExpired));
}

/** The access it gave ended before its time (revoked, or its case closed): no [Open] any more. */
export async function settleRequesterEnded(
  deps: Pick<Deps, 'directoryRepo' | 'notify'>,
  grantee: ClinicianRow,
  by: ClinicianRow,
  cause: 'revoked' | 'case_closed',
  requestIds: readonly string[],
): Promise<void> {
  const lang = langOf(grantee);
  const who = await personLine(deps.directoryRepo, by, lang);
  const status = cause === 'revoked' ? say(lang, T.requestRevoked, who) : say(lang, T.requestCaseClosed, who);
  for (const requestId of requestIds) await settle(deps, requestId, 'ended', status);
}
