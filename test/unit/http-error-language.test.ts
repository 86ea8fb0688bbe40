import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import { registerErrorHandler } from '../../src/http/error-handler.js';
import { errorHint } from '../../src/shared/error-hints.js';
import { DomainError } from '../../src/shared/errors.js';
import { langFromAcceptLanguage } from '../../src/shared/lang.js';

/** A signed-in clinician with a saved language, as the auth hook would set it (`x-test-lang` picks it). */
function fakeClinician(language: 'en' | 'zh' | null): ClinicianRow {
  return { id: 'c1', language } as unknown as ClinicianRow;
}

describe('HTTP errors answer in the reader’s language', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    registerErrorHandler(app);
    await app.register(rateLimit, { global: false });
    app.decorateRequest('clinician', null);
    app.addHook('onRequest', async (req) => {
      const saved = req.headers['x-test-lang'];
      if (saved === 'en' || saved === 'zh' || saved === 'none') req.clinician = fakeClinician(saved === 'none' ? null : saved);
    });
    app.get('/denied', async () => {
      throw new DomainError('access.denied');
    });
    app.get('/limited', { config: { rateLimit: { max: 1, timeWindow: 60_000 } } }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('When nobody is signed in and no Accept-Language is sent, then English (as before)', async () => {
    const res = await get('/denied');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'access.denied', message: "You can't do that.", hint: expect.any(String) });
  });

  it.each(['zh-HK', 'zh-Hant', 'zh-TW', 'zh', 'zh-CN', 'zh-Hans-CN', 'fr;q=1, zh-HK;q=0.8, en;q=0.5'])(
    'When nobody is signed in and Accept-Language is %s, then Traditional Chinese',
    async (header) => {
      expect((await get('/denied', { 'accept-language': header })).json()).toEqual({ code: 'access.denied', message: '你沒有此權限。', hint: expect.any(String) });
    },
  );

  it('When the signed-in user saved English, then English even if the browser asks for Chinese', async () => {
    const res = await get('/denied', { 'x-test-lang': 'en', 'accept-language': 'zh-HK' });
    expect(res.json().message).toBe("You can't do that.");
  });

  it('When the signed-in user saved Chinese, then Chinese even if the browser asks for English', async () => {
    const res = await get('/denied', { 'x-test-lang': 'zh', 'accept-language': 'en-GB' });
    expect(res.json().message).toBe('你沒有此權限。');
  });

  it('When the signed-in user saved no language, then the Accept-Language decides', async () => {
    expect((await get('/denied', { 'x-test-lang': 'none', 'accept-language': 'zh-TW' })).json().message).toBe('你沒有此權限。');
  });

  it('When a request is refused, then the answer says what to do next in the reader’s language, and neither text shows the code (issue 12)', async () => {
    const en = (await get('/denied', { 'x-test-lang': 'en', 'accept-language': 'zh-HK' })).json();
    expect(en.hint).toBe(errorHint('access.denied', 'en'));
    expect(en.hint).toContain('break-glass');
    const zh = (await get('/denied', { 'x-test-lang': 'zh' })).json();
    expect(zh.hint).toBe(errorHint('access.denied', 'zh'));
    for (const body of [en, zh]) expect(`${body.message} ${body.hint}`).not.toContain('access.denied');
  });

  it('When an unknown route is asked for in Chinese, then not_found in Chinese', async () => {
    const res = await get('/nowhere', { 'accept-language': 'zh-HK' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: '找不到。', hint: expect.any(String) });
  });

  it('When the rate limit is hit, then 429 rate_limited from the table, in the reader’s language', async () => {
    expect((await get('/limited')).statusCode).toBe(200);
    const en = await get('/limited');
    expect(en.statusCode).toBe(429);
    expect(en.json()).toEqual({ code: 'rate_limited', message: 'Too many requests. Please wait a moment.', hint: expect.any(String) });
    const zh = await get('/limited', { 'accept-language': 'zh-HK,zh;q=0.9' });
    expect(zh.json()).toEqual({ code: 'rate_limited', message: '請求太多，請稍候再試。', hint: expect.any(String) });
  });
});

describe('Accept-Language to our language', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['*', 'en'],
    ['fr-FR, de;q=0.5', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-HK,zh;q=0.9,en;q=0.8', 'zh'],
    ['en;q=0.4, zh-TW;q=0.9', 'zh'],
    ['zh;q=0, en', 'en'],
    ['zh_CN', 'zh'],
    ['ZH-hant', 'zh'],
    ['de, en-GB;q=0.7, zh;q=0.6', 'en'],
  ] as const)('When the header is %j, then %s', (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });
});
