import { describe, expect, it } from 'vitest';
import { fakeServer } from '../helpers/fake-api-server.js';
import { createApiClient } from '../../miniapp/src/api/api-client.js';
import { ApiError } from '../../miniapp/src/api/api-error.js';
import { detectLanguage } from '../../miniapp/src/i18n/detect-language.js';


const unauthorized = { status: 401, body: { code: 'auth.invalid', message: 'Your sign-in is not valid any more.' } };

describe('mini-app API client', () => {
  it('exchanges a DingTalk code and sends the access token as a bearer header', async () => {
    const { seen, fetchImpl } = fakeServer({
      'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'tok-1', expiresIn: 900 } }],
      'GET /api/me': [{ status: 200, body: { id: 'c1' } }],
    });
    const api = createApiClient({ fetch: fetchImpl });
    expect(api.signedIn).toBe(false);
    await api.signInWithCode('code-abc');
    expect(api.signedIn).toBe(true);
    expect(await api.call('/api/me')).toEqual({ id: 'c1' });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/auth/dingtalk', auth: null, body: '{"code":"code-abc"}' });
    expect(seen[1]).toMatchObject({ method: 'GET', path: '/api/me', auth: 'Bearer tok-1' });
  });

  it('on a 401 refreshes once through the cookie route (no body) and retries with the new token', async () => {
    const { seen, fetchImpl } = fakeServer({
      'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'old' } }],
      'GET /api/me': [unauthorized, { status: 200, body: { id: 'c1' } }],
      'POST /api/auth/refresh': [{ status: 200, body: { accessToken: 'new' } }],
    });
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    expect(await api.call('/api/me')).toEqual({ id: 'c1' });
    expect(seen.map((s) => `${s.method} ${s.path} ${s.auth ?? '-'}`)).toEqual([
      'POST /api/auth/dingtalk -',
      'GET /api/me Bearer old',
      'POST /api/auth/refresh -',
      'GET /api/me Bearer new',
    ]);
    expect(seen[2]!.body).toBeNull();
  });

  it('fetches the viewer PDF by POSTing the view token as JSON (never in the path), retrying once after a refresh', async () => {
    const { seen, fetchImpl } = fakeServer({
      'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'old' } }],
      'POST /api/app/documents/view': [unauthorized, { status: 200, body: 'pdf-bytes' }],
      'POST /api/auth/refresh': [{ status: 200, body: { accessToken: 'new' } }],
    });
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    const bytes = await api.callBytes('/api/app/documents/view', { token: 'view.tok-123' });
    expect(new TextDecoder().decode(bytes)).toBe('"pdf-bytes"');
    const views = seen.filter((s) => s.path === '/api/app/documents/view');
    expect(views.map((s) => `${s.method} ${s.auth} ${s.body}`)).toEqual([
      'POST Bearer old {"token":"view.tok-123"}',
      'POST Bearer new {"token":"view.tok-123"}',
    ]);
    // Without a body it stays a plain GET.
    await api.callBytes('/api/x').catch(() => undefined);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', path: '/api/x', body: null });
  });

  it('makes one refresh for several requests failing at once (rotation treats a second use as theft)', async () => {
    const { seen, fetchImpl } = fakeServer({
      'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'old' } }],
      'GET /api/a': [unauthorized, { status: 200, body: 'a' }],
      'GET /api/b': [unauthorized, { status: 200, body: 'b' }],
      'POST /api/auth/refresh': [{ status: 200, body: { accessToken: 'new' } }],
    });
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    expect(await Promise.all([api.call('/api/a'), api.call('/api/b')])).toEqual(['a', 'b']);
    expect(seen.filter((s) => s.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out (and tells the app) when the refresh is refused, and throws the coded error', async () => {
    let signedOut = 0;
    const { fetchImpl } = fakeServer({
      'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'old' } }],
      'GET /api/me': [unauthorized],
      'POST /api/auth/refresh': [unauthorized],
    });
    const api = createApiClient({ fetch: fetchImpl, onSignedOut: () => signedOut++ });
    await api.signInWithCode('c');
    const err = await api.call('/api/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'auth.invalid' });
    expect(api.signedIn).toBe(false);
    expect(signedOut).toBe(1);
  });

  it('reports an unreachable service as the network code, not as a sign-out', async () => {
    let signedOut = 0;
    const api = createApiClient({ fetch: (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch, onSignedOut: () => signedOut++ });
    await expect(api.call('/api/me')).rejects.toMatchObject({ code: 'network', status: 0 });
    await expect(api.refresh()).rejects.toMatchObject({ code: 'network' });
    expect(signedOut).toBe(0);
  });

  it('rejects a token answer without a token and keeps the client signed out', async () => {
    const { fetchImpl } = fakeServer({ 'POST /api/auth/dingtalk': [{ status: 200, body: { tokenType: 'Bearer' } }] });
    const api = createApiClient({ fetch: fetchImpl });
    await expect(api.signInWithCode('c')).rejects.toMatchObject({ code: 'auth.invalid' });
    expect(api.signedIn).toBe(false);
  });

  it('sign-out forgets the token and revokes the login on the server', async () => {
    const { seen, fetchImpl } = fakeServer({
      'POST /api/auth/dingtalk': [{ status: 200, body: { accessToken: 'tok' } }],
      'POST /api/auth/logout': [{ status: 204 }],
    });
    const api = createApiClient({ fetch: fetchImpl });
    await api.signInWithCode('c');
    await api.signOut();
    expect(api.signedIn).toBe(false);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', path: '/api/auth/logout' });
  });
});

describe('mini-app language detection', () => {
  it('prefers the saved choice, then DingTalk, then the browser', () => {
    expect(detectLanguage({ saved: 'en', dingtalk: 'zh-CN', browser: ['zh-HK'] })).toBe('en');
    expect(detectLanguage({ saved: null, dingtalk: 'en-US', browser: ['zh-HK'] })).toBe('en');
    expect(detectLanguage({ dingtalk: 'zh-CN', browser: ['en-GB'] })).toBe('zh-HK');
    expect(detectLanguage({ dingtalk: '*', browser: ['en-GB', 'zh-HK'] })).toBe('en');
  });

  it('maps every Chinese variant to zh-HK, other languages to English, nothing known to zh-HK', () => {
    for (const tag of ['zh', 'zh-TW', 'zh-Hant-HK', 'ZH-cn']) expect(detectLanguage({ browser: [tag] })).toBe('zh-HK');
    expect(detectLanguage({ browser: ['fr-FR'] })).toBe('en');
    expect(detectLanguage({ browser: [] })).toBe('zh-HK');
    expect(detectLanguage({ saved: 'de', browser: ['en'] })).toBe('en');
  });
});
