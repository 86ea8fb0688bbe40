import { makePdf } from '../../test/fixtures/make-pdf.js';
import type { SentEntry } from '../../src/sandbox/sim-types.js';
import { sayAndAwait1to1, sentSince, toUser, until } from './chat.js';
import { USERS, type Rig } from './rig.js';

/**
 * The user journeys the scenarios repeat, each the way a clinician does it: a chat command, then the
 * mini-app API the link leads to (signed in as that clinician), then waiting for what DingTalk shows.
 */

/** `case open` as Dr Chan in the group → the form link 1:1 → the form submitted; returns the case code. */
export async function openCase(rig: Rig, group: string, hkid: string, consentTo: string[] = ['HPH']): Promise<string> {
  const link = await sayAndAwait1to1(rig.sim, group, USERS.CHAN, '@ConsultBridge case open', '/app/form/case-open/');
  const intentId = /\/app\/form\/case-open\/([A-Za-z0-9_-]+)/.exec(link.text)![1]!;
  const consents = consentTo.map((institutionCode) => ({ institutionCode, status: 'granted' }));
  const res = await rig.api(USERS.CHAN, 'POST', `/api/app/forms/case-open/${intentId}`, { hkid, nameEn: 'RELIABILITY Patient', dateOfBirth: '1950-01-02', consents });
  if (res.status !== 200) throw new Error(`case-open form: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { caseCode: string }).caseCode;
}

/** `team C-… add @X consulting` as Dr Chan; waits for the group to hear about it. */
export async function addToTeam(rig: Rig, group: string, code: string, userId: string, role = 'consulting'): Promise<void> {
  const from = rig.sim.sent.length;
  rig.sim.say(group, USERS.CHAN, `@ConsultBridge team ${code} add @x ${role}`, { atUserIds: [userId] });
  await sentSince(rig.sim, from, (e) => e.conversationId === group && e.text.includes(code), 15_000, `team add answer for ${code}`);
}

/** A case by Dr Chan in `group` (HPH consent) with Dr Lam and Dr Wong consulting. */
export async function teamCase(rig: Rig, group: string, hkid: string): Promise<string> {
  const code = await openCase(rig, group, hkid);
  await addToTeam(rig, group, code, USERS.LAM);
  await addToTeam(rig, group, code, USERS.WONG);
  return code;
}

export const reportPdf = (text = 'Reliability report') => makePdf({ pages: 2, text });

/** Uploads a report through the mini-app API as `userId` (no chat step needed: the app's share screen); `urgent` escalates it unread. */
export async function uploadReport(rig: Rig, userId: string, code: string, pdf: Buffer, urgent = false): Promise<Response> {
  return rig.api(userId, 'POST', `/api/app/cases/${code}/reports${urgent ? '?urgent=1' : ''}`, pdf, { 'content-type': 'application/pdf' });
}

/** A burn-after-reading text to the case team through the app's burn screen; returns the item id. */
export async function sendBurnText(rig: Rig, code: string, text: string, burnAfterSeconds = 10): Promise<string> {
  const res = await rig.api(USERS.CHAN, 'POST', `/api/app/cases/${code}/burn`, { text, burnAfterSeconds });
  if (res.status !== 201) throw new Error(`burn send: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { itemId: string }).itemId;
}

/** Presses Open on a burn card as `userId`, then opens the item in the app (starts its countdown). */
export async function openBurn(rig: Rig, itemId: string, outTrackId: string, userId: string): Promise<number> {
  const from = rig.sim.sent.length;
  await rig.sim.clickCard({ outTrackId, userId, params: { action: 'burn_open', itemId } });
  const answer = await sentSince(rig.sim, from, (e) => toUser(userId)(e) && e.text.includes('/app/burn/'), 20_000, 'burn open link');
  const id = /\/app\/burn\/([A-Za-z0-9_-]+)/.exec(answer.text)![1]!;
  return (await rig.api(userId, 'POST', `/api/app/burn/${id}/open`)).status;
}

/** Request-access buttons as the card carries them (`buttons` is a JSON string in cardParamMap). */
export function cardButtons(card: SentEntry): Array<{ action: string; params: Record<string, string> }> {
  const raw = (card.raw as { cardData?: { cardParamMap?: { buttons?: string } } }).cardData?.cardParamMap?.buttons ?? '[]';
  return JSON.parse(raw) as Array<{ action: string; params: Record<string, string> }>;
}

/**
 * Dr Ho (outside the team) asks for a report through the app; once the approval card reaches Dr Chan
 * he presses approve or deny. Resolves true when the press was answered with the decision.
 */
export async function approveOrDeny(
  rig: Rig,
  documentId: string,
  decision: 'approve' | 'deny',
  call: (what: string, r: Promise<Response>) => Promise<Response> = (_w, r) => r,
): Promise<true | string> {
  const res = await call('request', rig.api(USERS.HO, 'POST', `/api/app/documents/${documentId}/request`, { reasonCode: 'continuing_care' }));
  if (res.status !== 200) return `request ${res.status}`;
  const { requestId } = (await res.json()) as { requestId: string };
  const card = await sentSince(rig.sim, 0, (e) => e.via === 'card' && (e.outTrackId ?? '').startsWith(`req:${requestId}:`), 120_000, 'approval card').catch(() => undefined);
  if (!card) return 'no approval card in 120 s';
  const answer = await rig.sim.clickCard({ outTrackId: card.outTrackId!, userId: USERS.CHAN, params: { action: 'decide', requestId, step: '0', decision }, timeoutMs: 5000 }).catch((e: Error) => e);
  if (answer instanceof Error) return `press: ${answer.message.slice(0, 60)}`;
  // The card's decided line: "Approved by … · access until …" / "已由 … 批准 · 存取有效至 …" (or denied).
  const decided = /批准|拒絕|Approved|Denied/;
  const text = JSON.stringify(answer ?? '');
  if (decided.test(text)) return true;
  // A press slower than the callback deadline is ACKed without its answer, which then comes to
  // Dr Chan's card as an update through the outbox.
  const mine = () => rig.sim.cards.get(card.outTrackId!)?.privateData[USERS.CHAN]?.status ?? '';
  const later = await until(() => decided.test(mine()), 30_000, 'the late answer on the card').catch(() => false);
  return later || `press answered: ${text.slice(0, 80)}, and no decided line on the card within 30 s`;
}
