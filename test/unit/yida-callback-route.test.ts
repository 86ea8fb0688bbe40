import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { afterEach, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/http/error-handler.js';
import { secretMatches, YIDA_CALLBACK_PATH, YIDA_SECRET_HEADER, yidaCallbackRoutes, type YidaCallbackDeps } from '../../src/http/yida-callback-routes.js';
import { sourceAllowed } from '../../src/config/yida-config.js';

const SECRET = 's'.repeat(32);
const body = { formUuid: 'FORM-A1', appType: 'APP_B2', formInstanceId: 'FINST-C3' };

/** The callback route alone: its guards in order, each refusal coded (never a 500), nothing received when refused. */
describe('Yida callback route', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());
  const build = async (over: Partial<YidaCallbackDeps> = {}) => {
    const received: unknown[] = [];
    const refused: string[] = [];
    app = Fastify();
    registerErrorHandler(app);
    await app.register(rateLimit, { global: false });
    await app.register(yidaCallbackRoutes, {
      secret: SECRET, sourceAllowed: (ip) => sourceAllowed(['10.0.0.0/8'], ip), ratePerMinute: 5,
      receive: async (b) => (received.push(b), { submissionId: 'sub-1', duplicate: false }),
      refused: (c) => refused.push(c), ...over,
    });
    const post = (o: { ip?: string; secret?: string | null; payload?: string; type?: string } = {}) =>
      app!.inject({
        method: 'POST', url: YIDA_CALLBACK_PATH, remoteAddress: o.ip ?? '10.0.0.5', payload: o.payload ?? JSON.stringify(body),
        headers: { 'content-type': o.type ?? 'application/json', ...(o.secret === null ? {} : { [YIDA_SECRET_HEADER]: o.secret ?? SECRET }) },
      });
    return { post, received, refused };
  };
  const coded = (r: { statusCode: number; json: () => { code: string } }) => [r.statusCode, r.json().code];

  it('answers 202 with the submission id for a good call from an allowed source', async () => {
    const { post, received } = await build();
    const r = await post();
    expect([r.statusCode, r.json()]).toEqual([202, { accepted: true, submissionId: 'sub-1', duplicate: false }]);
    expect(received).toEqual([body]);
  });

  it('refuses, in order and by code: disabled 404, wrong source 403, wrong or missing secret 401, bad JSON, wrong shape or wrong type 400', async () => {
    expect(coded(await (await build({ secret: undefined })).post())).toEqual([404, 'yida.disabled']);
    const { post, received, refused } = await build();
    expect(coded(await post({ ip: '192.0.2.1' }))).toEqual([403, 'yida.bad_source']);
    expect(coded(await post({ secret: 'x' }))).toEqual([401, 'yida.bad_secret']);
    expect(coded(await post({ secret: null }))).toEqual([401, 'yida.bad_secret']);
    expect(coded(await post({ payload: '{"formUuid":' }))).toEqual([400, 'yida.bad_body']);
    expect(coded(await post({ payload: JSON.stringify({ ...body, formInstanceId: 'x' }) }))).toEqual([400, 'yida.bad_body']);
    expect(coded(await post({ payload: 'formUuid=FORM-A1', type: 'application/x-www-form-urlencoded' }))).toEqual([400, 'yida.bad_body']);
    expect(coded(await post({ payload: 'x'.repeat(20_000) }))).toEqual([413, 'request.too_large']);
    expect(received).toEqual([]);
    expect(refused).toEqual(['yida.bad_source', 'yida.bad_secret', 'yida.bad_secret', 'yida.bad_body', 'yida.bad_body', 'yida.bad_body']);
  });

  it('is rate-limited like the other public routes (429 rate_limited)', async () => {
    const { post } = await build();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await post()).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 202, 429, 429]);
  });

  it('compares the secret in constant time over digests (any length, never equal by prefix)', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET, SECRET.slice(0, 31))).toBe(false);
    expect(secretMatches(SECRET, `${SECRET}x`)).toBe(false);
    expect(secretMatches(SECRET, undefined)).toBe(false);
    expect(secretMatches(SECRET, [SECRET])).toBe(false);
  });
});
