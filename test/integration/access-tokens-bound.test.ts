import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authWorld, bearer, refreshCookie, type AuthWorld } from './auth-fixture.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A JWT signed by hand with the service's own secret, so only the claims or the algorithm are wrong. */
function forge(secret: string, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const body = `${b64(header)}.${b64(claims)}`;
  const alg = header.alg === 'HS384' ? 'sha384' : header.alg === 'HS512' ? 'sha512' : 'sha256';
  return header.alg === 'none' ? `${body}.` : `${body}.${createHmac(alg, secret).update(body).digest('base64url')}`;
}

/**
 * Tokens outlive nothing: an admin token dies with the login it came from (logout, refresh-token
 * reuse, suspension), and every token needs `exp`, `aud` and HS256.
 */
describe('admin tokens are bound to their login; every token needs exp, aud and HS256', () => {
  let w: AuthWorld;
  const ADMIN = 'qmh-cb-admin';
  const OTHER = 'tokens-other-admin';
  const adminTokenOf = async (accessToken: string) =>
    (await w.app.inject({ method: 'POST', url: '/api/auth/admin-token', headers: bearer(accessToken) })).json().token as string;
  const console = (token: string) => w.app.inject({ url: '/api/admin/clinicians', headers: bearer(token) });

  beforeAll(async () => {
    w = await authWorld();
    w.h.sim.org.addUser({ userId: OTHER, name: 'Other admin' });
    await w.h.service.directoryRepo.insert({ dingtalkUserId: OTHER, displayName: 'Other admin', role: 'admin', verified: true }, w.clock.now());
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the admin logs out, then the admin token from that login stops working at once', async () => {
    const s = await w.login(ADMIN);
    const token = await adminTokenOf(s.accessToken);
    expect((await console(token)).statusCode).toBe(200);
    await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: refreshCookie(s.refreshToken) });
    const after = await console(token);
    expect([after.statusCode, after.json().code]).toEqual([401, 'auth.invalid']);
  });

  it('When a spent refresh token is presented again (reuse), then the admin token of that login dies with it', async () => {
    const s = await w.login(ADMIN);
    const token = await adminTokenOf(s.accessToken);
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: refreshCookie(s.refreshToken) })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: refreshCookie(s.refreshToken) })).statusCode).toBe(401);
    expect((await console(token)).statusCode).toBe(401);
  });

  it('When the admin is suspended by another admin, then their token ends, and reinstating does not revive it', async () => {
    const mine = await adminTokenOf((await w.login(ADMIN)).accessToken);
    const theirs = await adminTokenOf((await w.login(OTHER)).accessToken);
    const id = w.clinicianId(ADMIN);
    const suspend = (undo: boolean) => w.app.inject({ method: 'POST', url: `/api/admin/clinicians/${id}/suspend`, headers: bearer(theirs), payload: { undo } });
    expect((await suspend(false)).statusCode).toBe(200);
    expect((await suspend(true)).statusCode).toBe(200);
    expect((await console(mine)).statusCode).toBe(401);
  });

  it('When a token signed with the right secret lacks exp, lacks aud, lacks its login or uses another algorithm, then it is refused', async () => {
    const secret = w.h.service.sessionSecret;
    const sub = w.clinicianId(ADMIN);
    const s = await w.login(ADMIN);
    const sid = (JSON.parse(Buffer.from(s.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
    const now = Math.floor(w.clock.now() / 1000);
    const good = { sub, sid, aud: 'consultbridge.admin', iat: now, exp: now + 600 };
    expect((await console(forge(secret, { alg: 'HS256', typ: 'JWT' }, good))).statusCode).toBe(200);
    const { exp: _e, ...noExp } = good;
    const { aud: _a, ...noAud } = good;
    const { sid: _s, ...noSid } = good;
    for (const [header, claims] of [
      [{ alg: 'HS256', typ: 'JWT' }, noExp],
      [{ alg: 'HS256', typ: 'JWT' }, noAud],
      [{ alg: 'HS256', typ: 'JWT' }, noSid],
      [{ alg: 'HS384', typ: 'JWT' }, good],
      [{ alg: 'HS512', typ: 'JWT' }, good],
      [{ alg: 'none', typ: 'JWT' }, good],
    ] as const) {
      const res = await console(forge(secret, header, claims));
      expect([res.statusCode, res.json().code], JSON.stringify([header.alg, Object.keys(claims)])).toEqual([401, 'auth.invalid']);
    }
    // The mini-app's access tokens follow the same rules.
    const app = { ...good, aud: 'consultbridge.app' };
    const me = (t: string) => w.app.inject({ url: '/api/me', headers: bearer(t) });
    expect((await me(forge(secret, { alg: 'HS256', typ: 'JWT' }, app))).statusCode).toBe(200);
    const { exp: _x, ...appNoExp } = app;
    const { aud: _y, ...appNoAud } = app;
    expect((await me(forge(secret, { alg: 'HS256', typ: 'JWT' }, appNoExp))).statusCode).toBe(401);
    expect((await me(forge(secret, { alg: 'HS256', typ: 'JWT' }, appNoAud))).statusCode).toBe(401);
    expect((await me(forge(secret, { alg: 'HS512', typ: 'JWT' }, app))).statusCode).toBe(401);
  });
});
