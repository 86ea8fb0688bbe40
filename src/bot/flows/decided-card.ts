import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { AccessDecided, DecidedNotice } from '../../usecases/access/access-ports.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import { say, type Lang } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { ROOM_TEXTS as T } from '../texts/room-texts.js';

type Deps = Pick<CommandDeps, 'directoryRepo' | 'notify'>;

/** The approver card a step's approver was sent (access-chat.ts `askApprovers`). */
export const approverCardId = (requestId: string, stepIndex: number, approverId: string) => `req:${requestId}:${stepIndex}:${approverId}`;

/** A decided card's last line in the reader's language: who decided, and until when access runs. */
export async function decidedLine(deps: Pick<Deps, 'directoryRepo'>, decider: ClinicianRow, d: Pick<AccessDecided, 'kind'> & { until?: number }, lang: Lang): Promise<string> {
  const who = await personLine(deps.directoryRepo, decider, lang);
  if (d.kind === 'granted' && d.until !== undefined) return say(lang, T.cardApproved, who, hkDateTime(d.until));
  return d.kind === 'next_step' ? say(lang, T.cardApprovedStep, who) : say(lang, T.cardDenied, who);
}

/** The approver cards posted for a request (one step, or all of them), with each approver's id. */
async function approverCards(deps: Pick<Deps, 'notify'>, requestId: string, stepIndex?: number): Promise<{ card: string; approverId: string }[]> {
  const prefix = stepIndex === undefined ? `req:${requestId}:` : `req:${requestId}:${stepIndex}:`;
  return (await deps.notify.cardsPosted(prefix)).map((c) => ({ card: c.outTrackId, approverId: c.outTrackId.slice(c.outTrackId.lastIndexOf(':') + 1) }));
}

/**
 * Every approval card of the decided step takes its final state: the decided line as its status (in
 * each approver's language) and no buttons, whichever way and by whichever approver it was decided
 * (the card, `approve C-…`, the mini-app). Keyed by the card, so each is settled once.
 */
export async function settleDecidedCard(deps: Deps, d: DecidedNotice): Promise<void> {
  const kind = d.until !== undefined ? 'granted' : d.next ? 'next_step' : 'declined';
  const own = approverCardId(d.requestId, d.stepIndex, d.decider.id);
  const cards = await approverCards(deps, d.requestId, d.stepIndex);
  if (!cards.some((c) => c.card === own)) cards.push({ card: own, approverId: d.decider.id });
  for (const { card, approverId } of cards) {
    const approver = approverId === d.decider.id ? d.decider : await deps.directoryRepo.findById(approverId);
    const line = await decidedLine(deps, d.decider, { kind, until: d.until }, approver ? langOf(approver) : langOf(d.decider));
    await deps.notify.settleCard(`settled:${card}`, card, { status: line, buttons: '[]' });
  }
}

/** A request lapsed undecided: every approval card it had posted says so, with no buttons. */
export async function settleExpiredCards(deps: Deps, requestId: string): Promise<void> {
  for (const { card, approverId } of await approverCards(deps, requestId)) {
    const approver = await deps.directoryRepo.findById(approverId);
    const line = say(approver ? langOf(approver) : 'en', T.cardExpired);
    await deps.notify.settleCard(`settled:${card}`, card, { status: line, buttons: '[]' });
  }
}

/** The requester hears that a step was approved and whom the request waits on now. */
export async function tellProgress(deps: Deps, d: DecidedNotice & { next: NonNullable<DecidedNotice['next']> }): Promise<void> {
  const lang = langOf(d.requester);
  const who = await personLine(deps.directoryRepo, d.decider, lang);
  const names: string[] = [];
  for (const id of d.next.approverIds) names.push(await personLine(deps.directoryRepo, id, lang));
  const text = names.length > 0 ? say(lang, T.progress, who, d.caseCode, names.join('; ')) : say(lang, T.progressNobody, who, d.caseCode);
  await deps.notify.toUser(`progress:${d.requestId}:${d.stepIndex}`, d.requester.dingtalkUserId, say(lang, T.progressTitle), text);
}
