import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit/audit-entry.js';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { seededClinician } from '../helpers/directory-seed.js';
import { replyAfter, type Harness } from '../helpers/service-harness.js';
import { CHAN, LAM, shareReport } from '../helpers/sharing-flow.js';

/** Shared steps for the sharing edge-case stories (deny, expiry, break-glass, bad input, leaks). */

export const HO = 'qmh-ho-wingyee';
export const LEE = 'hph-lee-meiling';
export const LI = 'qmh-li-siufan';
export const CHEUNG = 'qmh-cheung-meiwah';

/** A check-digit-valid HKID for made-up digits, so each story has its own patient. */
export function makeHkid(letter: string, digits: string): string {
  return `${letter}${digits}(${hkidCheckChar(letter, digits)})`;
}

export const clinicianId = (h: Harness, userId: string): string => seededClinician(h.service.db.db, userId)!.id;

/**
 * A case opened by Dr Chan in the cardiology group (HPH consent, so the GP may be granted), Dr Lam
 * consulting, and one shared report. Returns the case code and the document id.
 */
export async function caseWithReport(
  h: Harness,
  app: FastifyInstance,
  patient: { hkid: string; nameEn?: string },
  pdf?: Buffer,
): Promise<{ group: string; code: string; docId: string }> {
  const group = h.demo.groups.cardiologyConsult;
  const cases = h.service.secure.cases;
  const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
  const { intentId } = await cases.open.startCaseOpen(chan, group);
  const out = await cases.open.submitCaseForm({ intentId }, chan.clinician.id, {
    hkid: patient.hkid,
    nameEn: patient.nameEn ?? 'TEST Patient',
    dateOfBirth: '1950-01-02',
    consents: [{ institutionCode: 'HPH', status: 'granted' }],
  });
  if (!out.created) throw new Error('case existed');
  await cases.team.addMember(chan, out.caseCode, LAM, 'consulting', group);
  const docId = await shareReport(h, app, group, CHAN, out.caseCode, pdf);
  return { group, code: out.caseCode, docId };
}

type Sent = Harness['sim']['sent'][number];

/** Polls until the bot sent something matching after `from` (an index into sim.sent). */
export async function sentSince(h: Harness, from: number, match: (s: Sent) => boolean, timeoutMs = 5000): Promise<Sent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = h.sim.sent.slice(from).find(match);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error('expected message was not sent');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Polls `probe` until it returns something (not undefined or false); for effects of background timers. */
export async function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A card sent 1:1 to `userId` whose outTrackId starts with `prefix`, after `from`. */
export const cardTo = (h: Harness, from: number, userId: string, prefix: string) =>
  sentSince(h, from, (s) => s.via === 'card' && (s.userIds ?? []).includes(userId) && (s.outTrackId ?? '').startsWith(prefix));

/** A 1:1 text to `userId` after `from`. */
export const otoTo = (h: Harness, from: number, userId: string) =>
  sentSince(h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(userId));

/** Sends a chat line in a group (or 1:1 when `group` is null) and waits for the bot's answer in that place. */
export async function ask(h: Harness, group: string | null, userId: string, text: string, mentions?: string[]): Promise<string> {
  const answer = group ? replyAfter(h.sim, { conversationId: group }) : replyAfter(h.sim, { userId });
  if (group) h.sim.say(group, userId, text, { atUserIds: mentions });
  else h.sim.dm(userId, text);
  return (await answer).text;
}

/**
 * A line in a group whose answer is about the sender (`why`, a refusal about them): the answer comes
 * 1:1, and the group hears only the short pointer, in the sender's language. Resolves with the answer.
 */
export async function askPrivately(h: Harness, group: string, userId: string, text: string, mentions?: string[]): Promise<string> {
  const pointer = replyAfter(h.sim, { conversationId: group });
  const answer = replyAfter(h.sim, { userId, via: 'oto' });
  h.sim.say(group, userId, text, { atUserIds: mentions });
  expect((await pointer).text).toMatch(/^ConsultBridge\n(I have answered you privately\.|已私下回覆你。)$/);
  return (await answer).text;
}

/**
 * `request C-… continuing_care` typed by `requester` 1:1; resolves with the approve/deny card that
 * reached Dr Chan and the request id it carries.
 */
export async function requestByText(h: Harness, code: string, requester: string) {
  const from = h.sim.sent.length;
  h.sim.dm(requester, `@ConsultBridge request ${code} continuing_care`);
  const card = await cardTo(h, from, CHAN, 'req:');
  await otoTo(h, from, requester);
  return { card, requestId: card.outTrackId!.split(':')[1]! };
}

/** Presses Approve or Deny on an approval card, with the params the card itself carries. */
export async function pressDecision(h: Harness, card: Sent, userId: string, decision: 'approve' | 'deny'): Promise<string> {
  const raw = card.raw as { cardData: { cardParamMap: { buttons: string } } };
  const buttons = JSON.parse(raw.cardData.cardParamMap.buttons) as Array<{ action: string; params: Record<string, string> }>;
  const button = buttons.find((b) => b.params.decision === decision)!;
  const response = await h.sim.clickCard({ outTrackId: card.outTrackId!, userId, params: { action: button.action, ...button.params } });
  return JSON.stringify(response);
}

/** Audit entries written since `sinceIdx` (flushed first), oldest first. */
export async function auditSince(h: Harness, sinceIdx: number, filter: { outcome?: 'denied' | 'success'; action?: string } = {}): Promise<AuditEntry[]> {
  await h.service.audit.flush();
  const { entries } = await h.service.audit.repo.list(filter, { limit: 500 });
  return entries.filter((e) => e.idx >= sinceIdx).reverse();
}

/** The index the next audit entry will get. */
export async function auditMark(h: Harness): Promise<number> {
  await h.service.audit.flush();
  const { entries } = await h.service.audit.repo.list({}, { limit: 1 });
  return (entries[0]?.idx ?? -1) + 1;
}

/** The refusal is on the record with a reason code, and never with free text. */
export function expectDenial(entries: AuditEntry[], match: Partial<Pick<AuditEntry, 'actor' | 'action' | 'target' | 'reason'>>): AuditEntry {
  const hit = entries.find((e) => e.outcome === 'denied' && Object.entries(match).every(([k, v]) => e[k as keyof AuditEntry] === v));
  expect(hit, `a denied audit entry like ${JSON.stringify(match)}`).toBeDefined();
  expect(hit!.reason).toMatch(/^[a-z0-9_.:,-]{2,64}$/);
  return hit!;
}
