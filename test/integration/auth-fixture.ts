import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/compose/app.js';
import type { AuthOptions } from '../../src/http/auth/register-auth.js';
import { silentLogger } from '../../src/shared/logger.js';
import { seededClinician } from '../helpers/directory-seed.js';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';

/**
 * The real app over the real service (SQLite, audit log, OpenAPI client) against the DingTalk
 * simulator, with one hand-moved clock shared by the service and the simulator, so auth codes,
 * access tokens and refresh tokens can be aged. `extraRoutes` runs before `ready()`.
 */
export interface AuthWorld {
  h: Harness;
  app: FastifyInstance;
  clock: ManualClock;
  /** A fresh 免登 code from the simulator (5 min, single use). */
  code(userId: string): string;
  login(userId: string): Promise<Session>;
  clinicianId(userId: string): string;
  close(): Promise<void>;
}

export interface Session {
  res: LightMyRequestResponse;
  accessToken: string;
  refreshToken: string;
  setCookie: string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const refreshCookie = (token: string) => ({ cookie: `cb_refresh=${token}` });

/** The refresh token in a Set-Cookie header (empty string when cleared), or undefined without one. */
export function refreshFrom(res: LightMyRequestResponse): string | undefined {
  const raw = res.headers['set-cookie'];
  const header = Array.isArray(raw) ? raw.join('\n') : raw;
  if (!header) return undefined;
  return /cb_refresh=([^;]*)/.exec(header)?.[1];
}

export async function authWorld(
  o: { sandbox?: boolean; auth?: AuthOptions; extraRoutes?: (app: FastifyInstance) => void; env?: Record<string, string> } = {},
): Promise<AuthWorld> {
  const clock = new ManualClock(Date.now());
  const h = await startHarness({ clock, sim: { clock }, env: o.env });
  const app = await buildApp({
    logger: silentLogger,
    probe: { dbOpen: () => true, streamRegistered: () => true },
    service: h.service,
    sandbox: o.sandbox === false ? undefined : h.sim,
    auth: { rateLimit: { max: 1000 }, ...o.auth },
  });
  o.extraRoutes?.(app);
  await app.ready();
  const world: AuthWorld = {
    h,
    app,
    clock,
    code: (userId) => h.sim.issueAuthCode(userId),
    clinicianId: (userId) => seededClinician(h.service.db.db, userId)!.id,
    async login(userId) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { code: world.code(userId) } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const raw = res.headers['set-cookie'];
      return { res, accessToken: res.json().accessToken, refreshToken: refreshFrom(res)!, setCookie: String(raw) };
    },
    async close() {
      await app.close();
      await h.close();
    },
  };
  return world;
}
