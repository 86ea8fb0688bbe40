import type { FastifyInstance } from 'fastify';
import type { Harness } from './service-harness.js';

/**
 * Signing in to the mini-app API the way the app does (a DingTalk auth code from the simulator,
 * exchanged at /api/auth/dingtalk), for tests that follow a link the bot sent into the app. One
 * login per app and user: the sign-in route is rate-limited per address.
 */
const sessions = new WeakMap<FastifyInstance, Map<string, string>>();

async function login(h: Harness, app: FastifyInstance, userId: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { code: h.sim.issueAuthCode(userId) } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${userId} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { accessToken: string }).accessToken;
}

/** `authorization: Bearer …` for `userId`; `fresh` signs in again (after the clock moved past the token). */
export async function appAuth(h: Harness, app: FastifyInstance, userId: string, fresh = false): Promise<{ authorization: string }> {
  let byUser = sessions.get(app);
  if (!byUser) sessions.set(app, (byUser = new Map()));
  if (fresh || !byUser.has(userId)) byUser.set(userId, await login(h, app, userId));
  return { authorization: `Bearer ${byUser.get(userId)!}` };
}

/** The id in a mini-app link the bot sent (`/app/doc/<id>`, `/app/burn/<id>`, `/app/form/consent/<id>` …). */
export function appLinkId(text: string, screen: 'doc' | 'burn' | 'form/case-open' | 'form/consent'): string {
  const m = new RegExp(`/app/${screen}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no /app/${screen}/ link in: ${text.slice(0, 120)}`);
  return m[1]!;
}

/**
 * Follows the document link in a bot message as `userId`: signs in and asks the app API for a view
 * token, as the mini-app's document screen does (the policy decides again there). Throws on refusal.
 */
export async function appViewToken(h: Harness, app: FastifyInstance, text: string, userId: string): Promise<string> {
  const documentId = appLinkId(text, 'doc');
  const ask = async (fresh: boolean) =>
    app.inject({ method: 'POST', url: `/api/app/documents/${documentId}/view-token`, headers: await appAuth(h, app, userId, fresh) });
  let res = await ask(false);
  if (res.statusCode === 401) res = await ask(true);
  if (res.statusCode !== 200) throw new Error(`view token refused: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}
