import { describe, expect, it } from 'vitest';
import { fakeServer } from '../helpers/fake-api-server.js';
import { createAdminApi } from '../../miniapp/src/admin/admin-api.js';
import { createApiClient } from '../../miniapp/src/api/api-client.js';
import { ApiError } from '../../miniapp/src/api/api-error.js';


async function signedInApp(fetchImpl: typeof fetch) {
  const app = createApiClient({ fetch: fetchImpl });
  await app.signInWithCode('code');
  return app;
}

const signIn = () => ({ 'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'app-1' } }] });

describe('admin console API client', () => {
  it('trades the app token for an admin token and sends only the admin token to /api/admin, with the filter in the query', async () => {
    const { seen, fetchImpl } = fakeServer({
      ...signIn(),
      'POST /api/auth/admin-token': [{ status: 200, body: { token: 'adm-1', expiresIn: 900, role: 'auditor' } }],
      'GET /api/admin/audit?outcome=denied&limit=50': [{ status: 200, body: { entries: [], nextBefore: null } }],
    });
    const admin = await createAdminApi(await signedInApp(fetchImpl), { fetch: fetchImpl });
    expect(admin.role).toBe('auditor');
    expect(await admin.call('/audit', { query: { actor: undefined, outcome: 'denied', target: '', limit: '50' } })).toEqual({ entries: [], nextBefore: null });
    expect(seen[1]).toMatchObject({ method: 'POST', path: '/api/auth/admin-token', auth: 'Bearer app-1' });
    expect(seen[2]).toMatchObject({ method: 'GET', path: '/api/admin/audit?outcome=denied&limit=50', auth: 'Bearer adm-1' });
  });

  it('keeps the sections and actions the token answer lists for the role (the menu shows only these), and none when an answer has none', async () => {
    const { fetchImpl } = fakeServer({
      ...signIn(),
      'POST /api/auth/admin-token': [{ status: 200, body: { token: 'adm-1', expiresIn: 900, role: 'privacy_officer', sections: ['audit', 'oversight', 'report'], actions: ['breakglass.review'] } }],
    });
    const admin = await createAdminApi(await signedInApp(fetchImpl), { fetch: fetchImpl });
    expect([admin.sections, admin.actions]).toEqual([['audit', 'oversight', 'report'], ['breakglass.review']]);
    const bare = fakeServer({ ...signIn(), 'POST /api/auth/admin-token': [{ status: 200, body: { token: 'adm-1', expiresIn: 900, role: 'admin' } }] });
    const old = await createAdminApi(await signedInApp(bare.fetchImpl), { fetch: bare.fetchImpl });
    expect([old.sections, old.actions]).toEqual([[], []]);
  });

  it('when the admin token has expired (401), gets a new one once and repeats the call', async () => {
    const { seen, fetchImpl } = fakeServer({
      ...signIn(),
      'POST /api/auth/admin-token': [
        { status: 200, body: { token: 'adm-1', expiresIn: 900, role: 'admin' } },
        { status: 200, body: { token: 'adm-2', expiresIn: 900, role: 'admin' } },
      ],
      'POST /api/admin/clinicians/c1/verify': [
        { status: 401, body: { code: 'auth.invalid', message: 'expired' } },
        { status: 200, body: { id: 'c1', verified: true } },
      ],
    });
    const admin = await createAdminApi(await signedInApp(fetchImpl), { fetch: fetchImpl });
    expect(await admin.call('/clinicians/c1/verify', { body: { registrationNo: 'M56789' } })).toEqual({ id: 'c1', verified: true });
    const verifies = seen.filter((s) => s.path === '/api/admin/clinicians/c1/verify');
    expect(verifies.map((s) => s.auth)).toEqual(['Bearer adm-1', 'Bearer adm-2']);
    expect(verifies[1]!.body).toBe('{"registrationNo":"M56789"}');
  });

  it('a refusal of the admin token (a doctor) and an error answer reach the caller as ApiError with the server code', async () => {
    const doctor = fakeServer({ ...signIn(), 'POST /api/auth/admin-token': [{ status: 403, body: { code: 'access.denied', message: 'no' } }] });
    const refused = await createAdminApi(await signedInApp(doctor.fetchImpl), { fetch: doctor.fetchImpl }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect([(refused as ApiError).status, (refused as ApiError).code]).toEqual([403, 'access.denied']);

    const admin = fakeServer({
      ...signIn(),
      'POST /api/auth/admin-token': [{ status: 200, body: { token: 'adm-1', expiresIn: 900, role: 'privacy_officer' } }],
      'GET /api/admin/outbox': [{ status: 403, body: { code: 'access.denied', message: 'admins only' } }],
    });
    const api = await createAdminApi(await signedInApp(admin.fetchImpl), { fetch: admin.fetchImpl });
    const err = await api.call('/outbox').catch((e: unknown) => e);
    expect([(err as ApiError).status, (err as ApiError).code]).toEqual([403, 'access.denied']);
    expect(admin.seen.filter((s) => s.path === '/api/auth/admin-token')).toHaveLength(1);
  });
});
