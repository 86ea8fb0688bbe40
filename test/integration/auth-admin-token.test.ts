import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';

const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('POST /api/auth/admin-token: a mini-app sign-in becomes console access only for console roles', () => {
  let w: AuthWorld;
  const adminToken = (appToken?: string) =>
    w.app.inject({ method: 'POST', url: '/api/auth/admin-token', headers: appToken ? bearer(appToken) : {} });
  const clinicians = (token: string) => w.app.inject({ url: '/api/admin/clinicians', headers: bearer(token) });

  beforeAll(async () => {
    w = await authWorld();
    await w.h.service.directoryRepo.update(w.clinicianId('qmh-lam-kaming'), { role: 'admin' }, w.clock.now());
  }, 30_000);
  afterAll(async () => w?.close());

  it('When a verified admin asks with their app token, then they get an admin token that opens /api/admin (and the app token does not)', async () => {
    const s = await w.login('qmh-lam-kaming');
    expect((await clinicians(s.accessToken)).statusCode).toBe(401);
    const res = await adminToken(s.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as { token: string; expiresIn: number; role: string };
    expect(body.role).toBe('admin');
    expect(body.expiresIn).toBe(900);
    const claims = decode(body.token);
    expect(claims.aud).toBe('consultbridge.admin');
    expect(claims.sub).toBe(w.clinicianId('qmh-lam-kaming'));
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    expect((await clinicians(body.token)).statusCode).toBe(200);
  });

  it('When a privacy officer asks, then they get one too (their routes decide what it opens)', async () => {
    const s = await w.login('qmh-li-siufan');
    const res = await adminToken(s.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('privacy_officer');
  });

  it('When an auditor asks, then they get one; it opens the audit log but not the directory', async () => {
    await w.h.service.directoryRepo.update(w.clinicianId('qmh-cheung-meiwah'), { role: 'auditor' }, w.clock.now());
    const s = await w.login('qmh-cheung-meiwah');
    const res = await adminToken(s.accessToken);
    expect([res.statusCode, res.json().role]).toEqual([200, 'auditor']);
    const token = res.json().token as string;
    expect((await w.app.inject({ url: '/api/admin/audit', headers: bearer(token) })).statusCode).toBe(200);
    expect((await clinicians(token)).statusCode).toBe(403);
  });

  it('When a doctor asks, then 403 access.denied', async () => {
    const s = await w.login('qmh-chan-taiman');
    const res = await adminToken(s.accessToken);
    expect([res.statusCode, res.json().code]).toEqual([403, 'access.denied']);
  });

  it('When the admin is suspended after signing in, then 403 and no token', async () => {
    await w.h.service.directoryRepo.update(w.clinicianId('qmh-li-siufan'), { role: 'admin' }, w.clock.now());
    const s = await w.login('qmh-li-siufan');
    await w.h.service.directoryRepo.update(w.clinicianId('qmh-li-siufan'), { suspended: true }, w.clock.now());
    const res = await adminToken(s.accessToken);
    expect(res.statusCode).toBe(403);
    expect(res.json().token).toBeUndefined();
  });

  it('When an unverified clinician holds the admin role, then 403 actor.unverified', async () => {
    await w.h.service.directoryRepo.update(w.clinicianId('hph-lee-meiling'), { role: 'admin' }, w.clock.now());
    const s = await w.login('hph-lee-meiling');
    const res = await adminToken(s.accessToken);
    expect([res.statusCode, res.json().code]).toEqual([403, 'actor.unverified']);
  });

  it('When there is no token, or an admin token is offered instead of an app token, then 401', async () => {
    expect((await adminToken()).statusCode).toBe(401);
    const s = await w.login('qmh-lam-kaming');
    const admin = (await adminToken(s.accessToken)).json().token as string;
    expect([(await adminToken(admin)).statusCode, (await adminToken(admin)).json().code]).toEqual([401, 'auth.invalid']);
  });
});
