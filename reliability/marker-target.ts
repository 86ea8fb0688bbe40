import type { FastifyInstance } from 'fastify';
import type { Simulator } from '../src/sandbox/simulator.js';

/**
 * How the marker writes reach a running service: the simulator (chat) and HTTP (mini-app and admin
 * API). Two transports: `fetchTarget` over a real listener (R7), `injectTarget` through Fastify's
 * inject (tests). Signing in is the app's own: a DingTalk auth code for a bearer token, and that token
 * traded at /api/auth/admin-token for an admin console token; both kept per user.
 */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface HttpCall {
  /** A demo user id: the call is made signed in as them (mini-app token, or admin token with `admin`). */
  as?: string;
  admin?: boolean;
  body?: object | Buffer;
  headers?: Record<string, string>;
}

export interface MarkerTarget {
  sim: Simulator;
  http(method: 'GET' | 'POST', url: string, call?: HttpCall): Promise<HttpAnswer>;
}

type Send = (method: 'GET' | 'POST', url: string, body: object | Buffer | undefined, headers: Record<string, string>) => Promise<HttpAnswer>;

function withSignIn(sim: Simulator, send: Send): MarkerTarget {
  const appTokens = new Map<string, string>();
  const adminTokens = new Map<string, string>();
  const token = async (map: Map<string, string>, userId: string, get: () => Promise<HttpAnswer>, field: string) => {
    if (!map.has(userId)) {
      const res = await get();
      const value = (res.body as Record<string, unknown> | null)?.[field];
      if (res.status !== 200 || typeof value !== 'string') throw new Error(`sign-in as ${userId} failed: ${res.status}`);
      map.set(userId, value);
    }
    return map.get(userId)!;
  };
  const appToken = (userId: string) =>
    token(appTokens, userId, () => send('POST', '/api/auth/dingtalk', { code: sim.issueAuthCode(userId) }, {}), 'accessToken');
  const adminToken = async (userId: string) => {
    const bearer = await appToken(userId);
    return token(adminTokens, userId, () => send('POST', '/api/auth/admin-token', undefined, { authorization: `Bearer ${bearer}` }), 'token');
  };
  return {
    sim,
    async http(method, url, c = {}) {
      const auth: Record<string, string> = c.as ? { authorization: `Bearer ${await (c.admin ? adminToken(c.as) : appToken(c.as))}` } : {};
      return send(method, url, c.body, { ...c.headers, ...auth });
    },
  };
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Through `app.inject` (no socket). */
export function injectTarget(sim: Simulator, app: FastifyInstance): MarkerTarget {
  return withSignIn(sim, async (method, url, body, headers) => {
    const res = await app.inject({ method, url, payload: body, headers });
    return { status: res.statusCode, body: parse(res.body) };
  });
}

/** Over real HTTP to `baseUrl` (a listening service, in this process or another). */
export function fetchTarget(sim: Simulator, baseUrl: string): MarkerTarget {
  return withSignIn(sim, async (method, url, body, headers) => {
    const raw = Buffer.isBuffer(body);
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    return { status: res.status, body: parse(await res.text()) };
  });
}
