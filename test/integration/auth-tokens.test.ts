import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTokenFor } from '../helpers/admin-token.js';
import { createAccessTokens } from '../../src/http/auth/access-tokens.js';
import { authWorld, bearer, refreshCookie, refreshFrom, type AuthWorld } from './auth-fixture.js';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('app access tokens and refresh rotation', () => {
  let w: AuthWorld;
  const me = (token: string) => w.app.inject({ url: '/api/me', headers: bearer(token) });
  const refresh = (token?: string) => w.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: token ? refreshCookie(token) : {} });
  const codeOf = (res: { statusCode: number; json(): { code: string } }) => [res.statusCode, res.json().code];

  beforeAll(async () => {
    w = await authWorld();
    // A verified admin, to show tokens do not cross between the admin API and the mini-app.
    const repo = w.h.service.directoryRepo;
    await repo.update(w.clinicianId('qmh-li-siufan'), { role: 'admin' }, w.clock.now());
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the token is missing or not a bearer token, then 401 auth.required', async () => {
    expect(codeOf(await w.app.inject({ url: '/api/me' }))).toEqual([401, 'auth.required']);
    expect(codeOf(await w.app.inject({ url: '/api/me', headers: { authorization: 'Basic abc' } }))).toEqual([401, 'auth.required']);
  });

  it('When a JWT is tampered with (claims changed, signature broken, alg none, other secret), then 401 auth.invalid', async () => {
    const s = await w.login('qmh-chan-taiman');
    const [h, p, sig] = s.accessToken.split('.') as [string, string, string];
    const other = w.clinicianId('qmh-lam-kaming');
    const swapped = `${h}.${b64url({ ...decode(s.accessToken), sub: other })}.${sig}`;
    expect(codeOf(await me(swapped))).toEqual([401, 'auth.invalid']);
    const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(codeOf(await me(flipped))).toEqual([401, 'auth.invalid']);
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...decode(s.accessToken), sub: other })}.`;
    expect(codeOf(await me(none))).toEqual([401, 'auth.invalid']);
    const forgedBody = `${h}.${b64url({ ...decode(s.accessToken), sub: other })}`;
    const forged = `${forgedBody}.${createHmac('sha256', 'not-the-session-secret-0123456789abcdef').update(forgedBody).digest('base64url')}`;
    expect(codeOf(await me(forged))).toEqual([401, 'auth.invalid']);
    expect(codeOf(await me('garbage'))).toEqual([401, 'auth.invalid']);
    expect((await me(s.accessToken)).statusCode).toBe(200);
  });

  it('When the access token is older than 15 minutes, then it is refused, and a refresh gives a working one', async () => {
    const s = await w.login('qmh-chan-taiman');
    const claims = decode(s.accessToken);
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    w.clock.advance(14 * 60_000);
    expect((await me(s.accessToken)).statusCode).toBe(200);
    w.clock.advance(60_000 + 1000);
    expect(codeOf(await me(s.accessToken))).toEqual([401, 'auth.invalid']);
    const r = await refresh(s.refreshToken);
    expect(r.statusCode).toBe(200);
    expect((await me(r.json().accessToken)).statusCode).toBe(200);
  });

  it('When an admin token meets the mini-app or an app token meets the admin API, then both are refused', async () => {
    const secret = w.h.service.sessionSecret;
    const adminId = w.clinicianId('qmh-li-siufan');
    const adminToken = await adminTokenFor(w.h.service, adminId);
    expect((await w.app.inject({ url: '/api/admin/institutions', headers: bearer(adminToken) })).statusCode).toBe(200);
    expect(codeOf(await me(adminToken))).toEqual([401, 'auth.invalid']);

    const appToken = (await w.login('qmh-li-siufan')).accessToken;
    expect((await me(appToken)).statusCode).toBe(200);
    const adminApi = await w.app.inject({ url: '/api/admin/institutions', headers: bearer(appToken) });
    expect(codeOf(adminApi)).toEqual([401, 'auth.invalid']);

    // Same secret and claims, only the audience differs: the audience alone keeps them apart.
    const tokens = createAccessTokens(w.app.jwt, w.clock);
    const row = (await w.h.service.directoryRepo.findById(adminId))!;
    const family = decode(appToken).sid as string;
    const asAdmin = tokens.sign(row, family, { aud: 'consultbridge.admin' }).accessToken;
    expect(codeOf(await me(asAdmin))).toEqual([401, 'auth.invalid']);
    expect((await me(tokens.sign(row, family).accessToken)).statusCode).toBe(200);
  });

  it('When a refresh token is used, then a new one replaces it; using the old one again ends the whole login', async () => {
    const s = await w.login('qmh-lam-kaming');
    const r1 = await refresh(s.refreshToken);
    expect(r1.statusCode).toBe(200);
    const t1 = refreshFrom(r1)!;
    expect(t1).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(t1).not.toBe(s.refreshToken);
    const r2 = await refresh(t1);
    expect(r2.statusCode).toBe(200);
    const t2 = refreshFrom(r2)!;
    const access2 = r2.json().accessToken as string;
    expect((await me(access2)).statusCode).toBe(200);

    // An attacker replays the first (spent) token: refused, and the family is revoked.
    const replay = await refresh(s.refreshToken);
    expect(codeOf(replay)).toEqual([401, 'auth.invalid']);
    expect(refreshFrom(replay)).toBe('');
    expect(codeOf(await refresh(t2))).toEqual([401, 'auth.invalid']);
    expect(codeOf(await me(access2))).toEqual([401, 'auth.invalid']);
    expect(codeOf(await me(s.accessToken))).toEqual([401, 'auth.invalid']);

    await w.h.service.audit.flush();
    const reuse = w.h.service.db.sqlite
      .prepare("SELECT actor, reason FROM audit_entries WHERE action = 'auth.refresh_reused'")
      .all() as Array<{ actor: string; reason: string }>;
    expect(reuse).toContainEqual({ actor: w.clinicianId('qmh-lam-kaming'), reason: 'refresh_reuse' });
    // Other logins of the same clinician are untouched.
    expect((await me((await w.login('qmh-lam-kaming')).accessToken)).statusCode).toBe(200);
  });

  it('When two requests race with the same refresh token, then at most one succeeds and the family ends', async () => {
    const s = await w.login('qmh-ho-wingyee');
    const [a, b] = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
    const ok = [a, b].filter((r) => r.statusCode === 200);
    expect(ok.length).toBeLessThanOrEqual(1);
    expect([a, b].some((r) => r.statusCode === 401)).toBe(true);
    for (const r of ok) expect((await me(r.json().accessToken)).statusCode).toBe(401);
  });

  it('When the refresh cookie is missing, unknown or malformed, then 401 and the cookie is cleared', async () => {
    expect(codeOf(await refresh())).toEqual([401, 'auth.required']);
    expect(codeOf(await refresh('A'.repeat(43)))).toEqual([401, 'auth.invalid']);
    const odd = await w.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: 'cb_refresh=%3Cscript%3E; other=1' } });
    expect(codeOf(odd)).toEqual([401, 'auth.required']);
    expect(refreshFrom(odd)).toBe('');
  });

  it('When the refresh token outlives its idle time or the login its absolute lifetime, then refresh is refused', async () => {
    const idle = await w.login('qmh-cheung-meiwah');
    w.clock.advance(8 * 3_600_000 + 1000);
    expect(codeOf(await refresh(idle.refreshToken))).toEqual([401, 'auth.invalid']);

    let token = (await w.login('qmh-cheung-meiwah')).refreshToken;
    // Refreshed every 6 h, the login still ends 24 h after it began.
    for (let i = 0; i < 3; i++) {
      w.clock.advance(6 * 3_600_000);
      const r = await refresh(token);
      expect(r.statusCode, `refresh ${i}`).toBe(200);
      token = refreshFrom(r)!;
    }
    w.clock.advance(6 * 3_600_000);
    expect(codeOf(await refresh(token))).toEqual([401, 'auth.invalid']);
  });

  it('When a clinician logs out, then the cookie is cleared, the refresh token is dead and so are the access tokens', async () => {
    const s = await w.login('hph-wong-siuming');
    const out = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: refreshCookie(s.refreshToken) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^cb_refresh=; Path=\/api\/auth; Max-Age=0; HttpOnly; SameSite=Strict/);
    expect(codeOf(await me(s.accessToken))).toEqual([401, 'auth.invalid']);
    expect(codeOf(await refresh(s.refreshToken))).toEqual([401, 'auth.invalid']);
    // Logging out twice, or without a cookie, is harmless.
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('When tokens are stored, then only hashes of refresh tokens are in the database', async () => {
    const s = await w.login('qmh-chan-taiman');
    const rows = JSON.stringify(w.h.service.db.sqlite.prepare('SELECT * FROM refresh_tokens').all());
    expect(rows).not.toContain(s.refreshToken);
    expect(rows).toContain(createHash('sha256').update(s.refreshToken).digest('hex'));
  });
});
