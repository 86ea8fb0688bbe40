import { createHmac, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { World } from '../world.js';
import { signJwt } from '../fuzz/jwt-forge.js';
import { OFFICER, type AccessWorld } from './access-world.js';
import { facts, mayOpen, mayReadIdentityReport, maySeeCase, VIEW_TOKEN_TTL_MS } from './oracle.js';
import type { Rng } from './rng.js';

/** One access attempt's outcome: what the oracle expected and what the service did. */
export interface Outcome {
  category: string;
  expected: boolean;
  /** Strict categories count false refusals; lenient ones (the case screen) count only leaks. */
  strict: boolean;
  actual: boolean;
  what: string;
}

interface Issued {
  token: string;
  owner: string;
  documentId: string;
  issuedAt: number;
}

const CONSOLE_PEOPLE = ['qmh-cb-admin', OFFICER, 'r6-auditor'];
const ADMIN_ROUTES: Array<[string, string]> = [
  ['GET', '/api/admin/clinicians'], ['GET', '/api/admin/audit'], ['GET', '/api/admin/approvals'], ['GET', '/api/admin/people?q=a'],
];

/** The attempt kinds; each draws its own inputs and asks the oracle. */
export function createAttempts(w: World, aw: AccessWorld) {
  const { model } = aw;
  const now = () => w.clock.now();
  const issued: Issued[] = [];
  const docIds = () => [...model.docs.keys()];
  const inject = (authorization: string | undefined, req: { method: string; url: string; payload?: object }) =>
    w.app.inject({ method: req.method as 'POST', url: req.url, ...(req.payload ? { payload: req.payload } : {}), headers: authorization ? { authorization } : {} });
  /** As the user, signed in the app's way; a user the sign-in refuses (suspended, say) gets that refusal. */
  const asUser = async (userId: string, req: { method: string; url: string; payload?: object }): Promise<LightMyRequestResponse | undefined> => {
    try {
      return await w.asUser(userId, { method: req.method as 'POST', url: req.url, ...(req.payload ? { payload: req.payload } : {}) });
    } catch {
      return undefined;
    }
  };
  const view = (userId: string, token: string) => asUser(userId, { method: 'POST', url: '/api/app/documents/view', payload: { token } });
  const ok = (res: LightMyRequestResponse | undefined) => res?.statusCode === 200;
  const consoleTokens = new Map<string, string | undefined>();
  const consoleToken = async (userId: string) => {
    if (!consoleTokens.has(userId)) consoleTokens.set(userId, await w.consoleToken(userId).catch(() => undefined));
    return consoleTokens.get(userId);
  };

  return {
    /** Forget console tokens (after a change to who is suspended). */
    resetConsoleTokens: () => consoleTokens.clear(),

    /** IDOR and every rule at once: a view token for any user × any document, then the view. */
    async open(r: Rng): Promise<Outcome> {
      const userId = r.pick(aw.users);
      const documentId = r.chance(0.05) ? randomUUID() : r.pick(docIds());
      const expected = mayOpen(model, userId, documentId, now());
      const t = await asUser(userId, { method: 'POST', url: `/api/app/documents/${documentId}/view-token` });
      let actual = ok(t);
      if (actual) {
        const token = (t!.json() as { token: string }).token;
        issued.push({ token, owner: userId, documentId, issuedAt: now() });
        if (issued.length > 300) issued.shift();
        actual = ok(await view(userId, token));
      }
      return { category: 'open document (IDOR, grants, team, consent)', expected, strict: true, actual, what: `${userId} → document ${documentId} [${facts(model, userId, model.docs.get(documentId)?.caseCode, now())}]` };
    },

    /** The case screen for any user × any case code (and made-up codes). */
    async caseScreen(r: Rng): Promise<Outcome> {
      const userId = r.pick(aw.users);
      const code = r.chance(0.1) ? 'C-ZZZZZ' : r.pick([...model.cases.keys()]);
      const expected = maySeeCase(model, userId, code, now());
      const res = await asUser(userId, { method: 'GET', url: `/api/app/cases/${encodeURIComponent(code)}` });
      return { category: 'case screen', expected, strict: false, actual: ok(res), what: `${userId} → case ${code} [${facts(model, userId, code, now())}]` };
    },

    /** A view token issued to someone, presented by someone else (forwarded) or by its owner later (replayed). */
    async replay(r: Rng): Promise<Outcome | undefined> {
      if (!issued.length) return undefined;
      const t = r.pick(issued);
      const forwarded = r.chance(0.5);
      const presenter = forwarded ? r.pick(aw.users.filter((u) => u !== t.owner)) : t.owner;
      const expected = !forwarded && now() < t.issuedAt + VIEW_TOKEN_TTL_MS && mayOpen(model, t.owner, t.documentId, now());
      const actual = ok(await view(presenter, t.token));
      const category = forwarded ? 'forwarded view token' : 'replayed view token (after changes, expiry)';
      return { category, expected, strict: !forwarded, actual, what: `${presenter} presents ${t.owner}'s token for ${t.documentId} issued ${Math.round((now() - t.issuedAt) / 60_000)} min ago [${facts(model, t.owner, model.docs.get(t.documentId)?.caseCode, now())}]` };
    },

    /** View tokens made by hand: another document under a real signature, the wrong key, junk. */
    async forgedViewToken(r: Rng): Promise<Outcome | undefined> {
      const userId = r.pick(aw.users);
      const target = r.pick(docIds());
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const body = b64({ d: target, v: model.users.get(userId)!.id, exp: now() + 60_000 });
      const own = issued.find((i) => i.owner === userId);
      const kinds: Array<[string, string]> = [
        ['wrong key', `${body}.${createHmac('sha256', 'view:not-the-secret').update(body).digest('base64url')}`],
        ['junk', `${body}.${'A'.repeat(43)}`],
        ['extra part', `${body}.${'A'.repeat(43)}.x`],
      ];
      if (own) kinds.push(['real signature, other document', `${body}.${own.token.split('.')[1]}`]);
      const [kind, token] = r.pick(kinds);
      const actual = ok(await view(userId, token));
      return { category: 'forged view token', expected: false, strict: true, actual, what: `${userId}, ${kind}, for ${target}` };
    },

    /** Admin, privacy-officer and auditor console tokens on the doctor routes: never a mini-app sign-in. */
    async consoleOnApp(r: Rng): Promise<Outcome | undefined> {
      const userId = r.pick(CONSOLE_PEOPLE);
      const token = await consoleToken(userId);
      if (!token) return undefined;
      const documentId = r.pick(docIds());
      const res = r.chance(0.5)
        ? await inject(`Bearer ${token}`, { method: 'POST', url: `/api/app/documents/${documentId}/view-token` })
        : await inject(`Bearer ${token}`, { method: 'GET', url: `/api/app/cases/${model.docs.get(documentId)!.caseCode}` });
      return { category: 'console token on doctor routes', expected: false, strict: true, actual: ok(res), what: `${userId}'s console token, ${documentId}` };
    },

    /** Mini-app tokens (doctors', and the admin's and officer's own app sign-in) on the admin API. */
    async appOnAdmin(r: Rng): Promise<Outcome> {
      const userId = r.pick(aw.users);
      const [method, url] = r.pick(ADMIN_ROUTES);
      const res = await inject(`Bearer ${await w.appToken(userId).catch(() => 'none')}`, { method, url });
      return { category: 'app token on admin routes', expected: false, strict: true, actual: ok(res), what: `${userId}'s app token, ${method} ${url}` };
    },

    /** The PDPO data access report (decrypts identity): the privacy officer only. */
    async identityReport(r: Rng): Promise<Outcome | undefined> {
      const userId = r.pick(CONSOLE_PEOPLE);
      const token = await consoleToken(userId);
      const code = r.pick([...model.cases.keys()]);
      const res = await inject(token ? `Bearer ${token}` : undefined, { method: 'POST', url: '/api/admin/reports/data-access', payload: { caseCode: code, reason: 'data_access_request' } });
      return { category: 'identity report (PDPO data access)', expected: !!token && mayReadIdentityReport(model, userId), strict: true, actual: ok(res), what: `${userId}, case ${code}` };
    },

    /** Mini-app JWTs made by hand for a user who may open the document: wrong key, alg none, no exp, no aud. */
    async forgedSignIn(r: Rng): Promise<Outcome | undefined> {
      const pairs = aw.users.flatMap((u) => docIds().filter((d) => mayOpen(model, u, d, now())).map((d) => [u, d] as const));
      if (!pairs.length) return undefined;
      const [userId, documentId] = r.pick(pairs);
      const sub = model.users.get(userId)!.id;
      // The user's real session id, so only the forged part (key, algorithm, claims) can make it fail.
      const real = await w.appToken(userId).catch(() => undefined);
      const sid = real ? (JSON.parse(Buffer.from(real.split('.')[1]!, 'base64url').toString()) as { sid?: string }).sid ?? 'x' : 'x';
      const t = Math.floor(w.clock.now() / 1000);
      const secret = w.h.service.sessionSecret;
      const kinds: Array<[string, string]> = [
        ['wrong key', signJwt({ sub, sid, aud: 'consultbridge.app', iat: t, exp: t + 600 }, 'not-the-secret')],
        ['alg none', signJwt({ sub, sid, aud: 'consultbridge.app', iat: t, exp: t + 600 }, '', 'none')],
        ['admin audience', signJwt({ sub, sid, aud: 'consultbridge.admin', iat: t, exp: t + 600 }, secret)],
        ['no exp', signJwt({ sub, sid, aud: 'consultbridge.app', iat: t }, secret)],
        ['no aud', signJwt({ sub, sid, iat: t, exp: t + 600 }, secret)],
      ];
      const [kind, token] = r.pick(kinds);
      const res = await inject(`Bearer ${token}`, { method: 'POST', url: `/api/app/documents/${documentId}/view-token` });
      return { category: `forged sign-in (${kind})`, expected: false, strict: true, actual: ok(res), what: `as ${userId} for ${documentId}` };
    },
  };
}

export type Attempts = ReturnType<typeof createAttempts>;
