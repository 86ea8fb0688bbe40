import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/compose/app.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { replyAfter, type Harness } from './service-harness.js';
import { appAuth } from './app-session.js';
import type { Simulator } from '../../src/sandbox/simulator.js';

export const CHAN = 'qmh-chan-taiman';
export const LAM = 'qmh-lam-kaming';
export const WONG = 'hph-wong-siuming';

/** The app over the harness's service, for the HTTP side of a flow (forms, uploads, views). */
export async function appFor(h: Harness, sandbox?: Simulator): Promise<FastifyInstance> {
  return buildApp({ logger: h.service.logger, probe: { dbOpen: () => true, streamRegistered: () => true }, service: h.service, ...(sandbox ? { sandbox } : {}) });
}

/** Opens a case for a made-up patient as Dr Chan in the group, through the case service; returns its code. */
export async function openCase(h: Harness, group: string, hkid: string, consents: Array<{ institutionCode: string; status: 'granted' | 'withdrawn' }> = []) {
  const cases = h.service.secure.cases;
  const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
  const { intentId } = await cases.open.startCaseOpen(chan, group);
  const out = await cases.open.submitCaseForm({ intentId }, chan.clinician.id, { hkid, nameEn: 'TEST Patient', dateOfBirth: '1950-01-02', consents });
  if (!out.created) throw new Error('case existed');
  return out.caseCode;
}

/** A call to the mini-app API as the user, signed in the app's way; one fresh sign-in when the kept token has expired. */
export async function asUser(h: Harness, app: FastifyInstance, userId: string, req: { method: 'GET' | 'POST'; url: string; payload?: string | object | Buffer; headers?: Record<string, string> }) {
  const send = async (fresh: boolean) => app.inject({ ...req, headers: { ...req.headers, ...(await appAuth(h, app, userId, fresh)) } });
  const res = await send(false);
  return res.statusCode === 401 ? send(true) : res;
}

/** The watermarked PDF for a view token, as the mini-app's viewer asks for it: POSTed in the body, signed in as `userId`. */
export function viewAs(h: Harness, app: FastifyInstance, token: string, userId: string) {
  return asUser(h, app, userId, { method: 'POST', url: '/api/app/documents/view', payload: { token } });
}

/**
 * `@ConsultBridge share C-…` in the group (the bot answers 1:1 with the mini-app's upload screen,
 * no token in it), then the upload through the app's API as the signed-in user; returns the document id.
 */
export async function shareReport(h: Harness, app: FastifyInstance, group: string, userId: string, caseCode: string, pdf?: Buffer, query = '') {
  const link = replyAfter(h.sim, { userId, via: 'oto' });
  h.sim.say(group, userId, `@ConsultBridge share ${caseCode}`);
  if (!(await link).text.includes(`/app/case/${caseCode}/share`)) throw new Error('no upload screen link');
  // Generous: the first upload of a service starts its render worker (under tsx in tests, on a busy machine).
  const card = replyAfter(h.sim, { conversationId: group, via: 'card' }, 30_000);
  const res = await asUser(h, app, userId, {
    method: 'POST',
    url: `/api/app/cases/${caseCode}/reports${query}`,
    headers: { 'content-type': 'application/pdf' },
    payload: pdf ?? (await makePdf({ pages: 2, text: 'Echo report' })),
  });
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode} ${res.body}`);
  await card;
  return (res.json() as { documentId: string }).documentId;
}

/** Presses a card button as a user and waits for the 1:1 answer. */
export async function press(h: Harness, outTrackId: string, userId: string, params: Record<string, string>) {
  const answer = replyAfter(h.sim, { userId, via: 'oto' });
  await h.sim.clickCard({ outTrackId, userId, params });
  return answer;
}

/** The newest card sent 1:1 to a user. */
export function lastCardTo(h: Harness, userId: string) {
  const card = [...h.sim.sent].reverse().find((s) => s.via === 'card' && (s.userIds ?? []).includes(userId));
  if (!card?.outTrackId) throw new Error(`no card for ${userId}`);
  return card;
}

/** The bot sends the document's mini-app link; a test follows it as the app does (see app-session.ts). */
export { appViewToken as viewToken } from './app-session.js';
