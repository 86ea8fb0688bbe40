import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { appLinkId } from '../helpers/app-session.js';
import { replyAfter, type Harness } from '../helpers/service-harness.js';
import { asUser, CHAN, LAM, openCase, WONG } from '../helpers/sharing-flow.js';
import { eventually, sentSince } from './sharing-edge-fixture.js';

export const BURN_GROUP = (h: Harness) => h.demo.groups.cardiologyConsult;

/** A case by Dr Chan in the cardiology group (HPH consent), Dr Lam and Dr Wong consulting: two recipients. */
export async function burnCase(h: Harness, hkid: string): Promise<string> {
  const group = BURN_GROUP(h);
  const code = await openCase(h, group, hkid, [{ institutionCode: 'HPH', status: 'granted' }]);
  const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
  await h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting', group);
  await h.service.secure.cases.team.addMember(chan, code, WONG, 'consulting', group);
  return code;
}

/**
 * `@ConsultBridge burn C-… <duration>` in the group: the 1:1 answer links to the mini-app's burn screen
 * for the case with the duration in seconds as `after`, and no token. Resolves with `after`.
 */
export async function burnAsk(h: Harness, code: string, duration = '30s'): Promise<number> {
  const link = replyAfter(h.sim, { userId: CHAN, via: 'oto' });
  h.sim.say(BURN_GROUP(h), CHAN, `@ConsultBridge burn ${code} ${duration}`);
  const m = new RegExp(`/app/case/${code}/burn\\?after=(\\d+)\\)`).exec((await link).text);
  if (!m) throw new Error('no burn screen link');
  return Number(m[1]);
}

/** The whole compose flow for a text (command, then the app's burn screen as Dr Chan); resolves with the item id once the group card went out. */
export async function sendBurnText(h: Harness, app: FastifyInstance, code: string, text: string, duration = '30s'): Promise<string> {
  const after = await burnAsk(h, code, duration);
  const from = h.sim.sent.length;
  const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${code}/burn`, payload: { text, burnAfterSeconds: after } });
  expect(res.statusCode, res.body).toBe(201);
  const { itemId } = res.json() as { itemId: string };
  await sentSince(h, from, (s) => s.via === 'card' && s.outTrackId === `burn:${itemId}:${BURN_GROUP(h)}`);
  return itemId;
}

/** As sendBurnText for a document (the app's burn screen uploads the raw file); resolves with the item id once the group card went out. */
export async function sendBurnDocument(h: Harness, app: FastifyInstance, code: string, pdf: Buffer, duration = '30s'): Promise<string> {
  const after = await burnAsk(h, code, duration);
  const from = h.sim.sent.length;
  const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${code}/burn/document?after=${after}`, headers: { 'content-type': 'application/pdf' }, payload: pdf });
  expect(res.statusCode, res.body).toBe(201);
  const { itemId } = res.json() as { itemId: string };
  await sentSince(h, from, (s) => s.via === 'card' && s.outTrackId === `burn:${itemId}:${BURN_GROUP(h)}`);
  return itemId;
}

/** Presses Open on the group card as `userId`; resolves with the 1:1 answer text. */
export async function pressOpen(h: Harness, itemId: string, userId: string): Promise<string> {
  const from = h.sim.sent.length;
  await h.sim.clickCard({ outTrackId: `burn:${itemId}:${BURN_GROUP(h)}`, userId, params: { action: 'burn_open', itemId } });
  return (await sentSince(h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(userId))).text;
}

/**
 * The bot answers Open with the item's mini-app link (no credential in it); the app then opens the
 * item as the signed-in `userId`: text comes back at once, a document as a burn view token bound to them.
 */
export function openInApp(h: Harness, app: FastifyInstance, text: string, userId: string) {
  return asUser(h, app, userId, { method: 'POST', url: `/api/app/burn/${appLinkId(text, 'burn')}/open` });
}

/** The watermarked PDF of a burn document, as the app's viewer asks for it: the token POSTed in the body. */
export function burnViewAs(h: Harness, app: FastifyInstance, token: string, userId: string) {
  return asUser(h, app, userId, { method: 'POST', url: '/api/app/burn/view', payload: { token } });
}

/** Open → mini-app link → open in the app (→ for a document, its PDF), as `userId`. */
export async function openAs(h: Harness, app: FastifyInstance, itemId: string, userId: string) {
  const opened = await openInApp(h, app, await pressOpen(h, itemId, userId), userId);
  const body = opened.json() as { kind?: string; token?: string };
  return body.kind === 'document' ? burnViewAs(h, app, body.token!, userId) : opened;
}

export interface ItemRow {
  status: string;
  due_at: number;
  expires_at: number;
  destroyed_at: number | null;
  end_reason: string | null;
  wrapped_key: Buffer | null;
  ciphertext: Buffer | null;
  iv: Buffer | null;
  tag: Buffer | null;
}

export const itemRow = (h: Harness, id: string) =>
  h.service.db.sqlite.prepare('select * from ephemeral_items where id = ?').get(id) as ItemRow;

/** The "burned" card update for an item's group card, once the outbox delivered it to the simulator. */
export const burnedUpdate = (h: Harness, itemId: string, timeoutMs = 5000) =>
  eventually(() => h.sim.sent.find((s) => s.via === 'cardUpdate' && s.outTrackId === `burn:${itemId}:${BURN_GROUP(h)}`), timeoutMs);

/** The viewer watermark every opened burn text carries (name, role, Hong Kong time): issue 12 item 6. */
export const WATERMARK = { name: expect.any(String), role: 'doctor', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} HKT$/) };
