import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authWorld, type AuthWorld } from './auth-fixture.js';

describe('security headers, API docs and the sandbox-only routes', () => {
  let w: AuthWorld;
  beforeAll(async () => {
    w = await authWorld();
  }, 30_000);
  afterAll(async () => w?.close());

  it('When any API route answers, then helmet sends a strict CSP, no-referrer and nosniff', async () => {
    const res = await w.app.inject({ url: '/api/auth/config' });
    const csp = String(res.headers['content-security-policy']);
    for (const d of ["default-src 'self'", "script-src 'self'", "img-src 'self' data: blob:", "worker-src 'self' blob:", "frame-ancestors 'self'", "object-src 'none'"]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    // Plain-http sandbox: upgrading would break it, and HSTS means nothing over http.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('When /docs/json is fetched, then it lists the auth, sandbox and admin routes with their schemas and bearer schemes', async () => {
    const res = await w.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    const paths = Object.keys(spec.paths);
    for (const p of ['/api/auth/dingtalk', '/api/auth/refresh', '/api/auth/logout', '/api/auth/config', '/api/auth/admin-token', '/api/me', '/api/sandbox/demo-users', '/api/sandbox/auth-code']) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => p.startsWith('/api/admin/'))).toEqual(
      expect.arrayContaining(['/api/admin/clinicians', '/api/admin/clinicians/{id}/verify', '/api/admin/clinicians/{id}/suspend', '/api/admin/institutions', '/api/admin/cases/{code}/team']),
    );
    const login = spec.paths['/api/auth/dingtalk'].post;
    expect(login.requestBody.content['application/json'].schema.properties.code.type).toBe('string');
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '429']));
    expect(login.responses['200'].content['application/json'].schema.properties).toHaveProperty('accessToken');
    expect(spec.paths['/api/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(spec.paths['/api/admin/clinicians'].get.security).toEqual([{ adminBearer: [] }]);
    expect(Object.keys(spec.components.securitySchemes)).toEqual(['bearerAuth', 'adminBearer']);
    const ui = await w.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('outside sandbox mode', () => {
  let w: AuthWorld;
  beforeAll(async () => {
    w = await authWorld({ sandbox: false });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the front end asks, then the mode is dingtalk, the demo routes do not exist and the refresh cookie is Secure', async () => {
    expect((await w.app.inject({ url: '/api/auth/config' })).json()).toMatchObject({ mode: 'dingtalk', clientId: w.h.sim.clientId });
    expect((await w.app.inject({ url: '/api/sandbox/demo-users' })).statusCode).toBe(404);
    expect((await w.app.inject({ method: 'POST', url: '/api/sandbox/auth-code', payload: { userId: 'qmh-chan-taiman' } })).statusCode).toBe(404);
    const s = await w.login('qmh-chan-taiman');
    expect(s.setCookie).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    const paths = Object.keys((await w.app.inject({ url: '/docs/json' })).json().paths);
    expect(paths.some((p) => p.startsWith('/api/sandbox'))).toBe(false);
  });
});

describe('rate limit on the auth routes', () => {
  let w: AuthWorld;
  beforeAll(async () => {
    w = await authWorld({ auth: { rateLimit: { max: 3, timeWindowMs: 60_000 } } });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When one address posts codes too fast, then 429 rate_limited with the {code, message} body', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await w.app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { code: `guess-${i}` } });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json()).toEqual({ code: 'rate_limited', message: expect.any(String), hint: expect.any(String) });
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    // Counted per address: another client is not affected.
    const other = await w.app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { code: 'x' }, remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(401);
  });

  it('When sandbox codes are asked for too fast, then they are limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await w.app.inject({ method: 'POST', url: '/api/sandbox/auth-code', payload: { userId: 'qmh-chan-taiman' } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
