import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryAdmin } from '../../src/domain/directory/directory-admin.js';
import { authWorld, bearer, refreshCookie, refreshFrom, type AuthWorld } from './auth-fixture.js';

describe('mini-app login with a DingTalk auth code (sandbox)', () => {
  let w: AuthWorld;
  const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
    w.app.inject({ method: 'POST', url, payload, headers });
  const loginWith = (code: string) => post('/api/auth/dingtalk', { code });

  beforeAll(async () => {
    w = await authWorld({
      extraRoutes: (app) => {
        // Stand-ins for patient-data routes: what requireTrusted / requireClinician let through.
        app.get('/test/trusted', { onRequest: app.requireTrusted }, async (req) => ({ id: req.clinician!.id }));
        app.get('/test/any', { onRequest: app.requireClinician }, async (req) => ({ id: req.clinician!.id }));
      },
    });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When a demo user signs in through the sandbox code, then the JSON has the access token and the refresh token is only in a strict cookie', async () => {
    const code = (await post('/api/sandbox/auth-code', { userId: 'qmh-chan-taiman' })).json().code as string;
    const res = await loginWith(code);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, clinician: { dingtalkUserId: 'qmh-chan-taiman', verified: true, trusted: true, institution: { code: 'QMH' } } });
    expect(body.accessToken.split('.')).toHaveLength(3);
    const cookie = String(res.headers['set-cookie']);
    const refresh = refreshFrom(res)!;
    expect(refresh).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie).toMatch(/; Path=\/api\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    // Plain http on 127.0.0.1 in the sandbox: no Secure flag, else the browser would drop the cookie.
    expect(cookie).not.toContain('Secure');
    expect(res.body).not.toContain(refresh);
    expect(res.headers['cache-control']).toBe('no-store');

    const me = await w.app.inject({ url: '/api/me', headers: bearer(body.accessToken) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: w.clinicianId('qmh-chan-taiman'), nameEn: 'Dr CHAN Tai-man', role: 'doctor', specialty: 'Cardiology', language: 'zh' });
    expect((await w.app.inject({ url: '/test/trusted', headers: bearer(body.accessToken) })).statusCode).toBe(200);
  });

  it('When the code is made up, then 401 auth.invalid and no cookie', async () => {
    const res = await loginWith('not-a-real-code');
    expect([res.statusCode, res.json().code]).toEqual([401, 'auth.invalid']);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await loginWith('')).json().code).toBe('request.invalid');
  });

  it('When a code is used twice, then only the first use signs in (single use)', async () => {
    const code = w.code('qmh-lam-kaming');
    const first = await loginWith(code);
    expect(first.statusCode, first.body).toBe(200);
    const again = await loginWith(code);
    expect([again.statusCode, again.json().code]).toEqual([401, 'auth.invalid']);
  });

  it('When a code is older than 5 minutes, then it is refused', async () => {
    const code = w.code('qmh-lam-kaming');
    w.clock.advance(5 * 60_000 + 1000);
    const res = await loginWith(code);
    expect([res.statusCode, res.json().code]).toEqual([401, 'auth.invalid']);
  });

  it('When DingTalk is down, then 503 dingtalk.unavailable, not a sign-in failure', async () => {
    const code = w.code('qmh-lam-kaming');
    w.h.sim.faults.down(true);
    try {
      const res = await loginWith(code);
      expect([res.statusCode, res.json().code]).toEqual([503, 'dingtalk.unavailable']);
    } finally {
      w.h.sim.faults.down(false);
    }
  });

  it('When a DingTalk user unknown to the directory signs in, then they are enrolled unverified: whoami works, patient routes do not', async () => {
    w.h.sim.org.addUser({ userId: 'new-locum-01', name: '新醫生', title: 'Locum' });
    const res = await loginWith(w.code('new-locum-01'));
    expect(res.statusCode).toBe(200);
    expect(res.json().clinician).toMatchObject({ dingtalkUserId: 'new-locum-01', displayName: '新醫生', verified: false, trusted: false, role: null });
    const token = res.json().accessToken as string;
    expect((await w.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    expect((await w.app.inject({ url: '/test/any', headers: bearer(token) })).statusCode).toBe(200);
    const trusted = await w.app.inject({ url: '/test/trusted', headers: bearer(token) });
    expect([trusted.statusCode, trusted.json().code]).toEqual([403, 'actor.unverified']);
  });

  it('When a clinician is suspended, then they cannot sign in, every login they had ends (access token and refresh refused)', async () => {
    const s = await w.login('hph-wong-siuming');
    const id = w.clinicianId('hph-wong-siuming');
    const admin = createDirectoryAdmin({
      repo: w.h.service.directoryRepo, audit: w.h.service.audit, clock: w.clock,
      endLogins: (cid, reason) => w.h.service.sessions.revokeAllFor(cid, reason),
      offboard: (cid, by) => w.h.service.offboarding.leave(cid, by, 'admin_removed'),
    });
    await admin.suspend(id, {}, 'test-admin');

    // Suspension ends every login at once (app and admin tokens with them): the old token is simply invalid.
    const me = await w.app.inject({ url: '/api/me', headers: bearer(s.accessToken) });
    expect([me.statusCode, me.json().code]).toEqual([401, 'auth.invalid']);
    const refresh = await post('/api/auth/refresh', undefined, refreshCookie(s.refreshToken));
    expect([refresh.statusCode, refresh.json().code]).toEqual([401, 'auth.invalid']);
    expect(refreshFrom(refresh)).toBe('');
    const login = await loginWith(w.code('hph-wong-siuming'));
    expect([login.statusCode, login.json().code]).toEqual([403, 'actor.suspended']);
    expect(login.headers['set-cookie']).toBeUndefined();

    // Reinstating does not revive the old login: it was ended, not paused.
    await admin.suspend(id, { undo: true }, 'test-admin');
    expect((await w.app.inject({ url: '/api/me', headers: bearer(s.accessToken) })).statusCode).toBe(401);
    expect((await post('/api/auth/refresh', undefined, refreshCookie(s.refreshToken))).statusCode).toBe(401);
    expect((await loginWith(w.code('hph-wong-siuming'))).statusCode).toBe(200);
  });

  it('When sign-ins happen, then the audit log records them by clinician id and never holds a token or code', async () => {
    const code = w.code('qmh-ho-wingyee');
    const s = await loginWith(code);
    const id = w.clinicianId('qmh-ho-wingyee');
    await w.h.service.audit.flush();
    const rows = w.h.service.db.sqlite.prepare("SELECT actor, action, outcome, reason, target FROM audit_entries WHERE action LIKE 'auth.%'").all() as Array<Record<string, string>>;
    expect(rows).toContainEqual(expect.objectContaining({ actor: id, action: 'auth.login', outcome: 'success' }));
    expect(rows).toContainEqual(expect.objectContaining({ action: 'auth.login', outcome: 'denied', reason: 'suspended' }));
    const all = JSON.stringify(w.h.service.db.sqlite.prepare('SELECT * FROM audit_entries').all());
    expect(all).not.toContain(code);
    expect(all).not.toContain(refreshFrom(s)!);
    expect(w.h.logs()).not.toContain(refreshFrom(s)!);
    expect(w.h.logs()).not.toContain(s.json().accessToken);
  });

  it('When the front end asks for the login config, then it learns the sandbox mode and the ids for requestAuthCode', async () => {
    const res = await w.app.inject({ url: '/api/auth/config' });
    expect(res.json()).toEqual({ mode: 'sandbox', corpId: w.h.service.config.dingtalk.corpId, clientId: w.h.sim.clientId });
    const users = (await w.app.inject({ url: '/api/sandbox/demo-users' })).json().users as Array<{ userId: string; verified: boolean }>;
    expect(users.map((u) => u.userId)).toContain('qmh-chan-taiman');
    expect(users.find((u) => u.userId === 'hph-lee-meiling')?.verified).toBe(false);
    expect((await post('/api/sandbox/auth-code', { userId: 'nobody' })).statusCode).toBe(404);
  });
});
