import nock from 'nock';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DingTalkApiError } from '../../src/dingtalk/openapi/index.js';
import { createLogger } from '../../src/shared/logger.js';
import { API, mockTokens, OAPI, testApi } from '../helpers/dingtalk-api.js';

const SEND = '/v1.0/robot/groupMessages/send';
const msg = { openConversationId: 'cid1', msgKey: 'sampleText', msgParam: { content: 'hello' } };

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('access token', () => {
  it('when two calls run, then one token is fetched and sent in the v1.0 header', async () => {
    const { api } = testApi();
    const tokens = mockTokens(1);
    const sends = nock(API)
      .post(SEND)
      .matchHeader('x-acs-dingtalk-access-token', 'tok-1')
      .times(2)
      .reply(200, { processQueryKey: 'pqk' });
    await api.sendGroup(msg);
    await api.sendGroup(msg);
    expect(tokens.isDone()).toBe(true);
    expect(sends.isDone()).toBe(true);
  });

  it('when the token nears expiry by the clock, then a new one is fetched', async () => {
    const { api, clock } = testApi();
    mockTokens(2);
    const seen: string[] = [];
    nock(API)
      .post(SEND)
      .times(3)
      .reply(function () {
        seen.push(String(this.req.headers['x-acs-dingtalk-access-token']));
        return [200, { processQueryKey: 'pqk' }];
      });
    await api.sendGroup(msg);
    clock.advance((7200 - 301) * 1000); // still inside the 300 s margin's safe side
    await api.sendGroup(msg);
    clock.advance(2000); // now within 300 s of expiry
    await api.sendGroup(msg);
    expect(seen).toEqual(['tok-1', 'tok-1', 'tok-2']);
  });

  it('when 10 calls start together without a token, then exactly one token request is made', async () => {
    const { api } = testApi();
    const tokens = nock(API)
      .post('/v1.0/oauth2/accessToken')
      .delay(30)
      .reply(200, { accessToken: 'tok-shared', expireIn: 7200 });
    const sends = nock(API)
      .post(SEND)
      .matchHeader('x-acs-dingtalk-access-token', 'tok-shared')
      .times(10)
      .reply(200, { processQueryKey: 'pqk' });
    const results = await Promise.all(Array.from({ length: 10 }, () => api.sendGroup(msg)));
    expect(results).toHaveLength(10);
    expect(tokens.isDone()).toBe(true);
    expect(sends.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('when v1.0 answers InvalidAuthentication, then the token is refreshed once and the call succeeds', async () => {
    const { api } = testApi();
    mockTokens(2);
    nock(API)
      .post(SEND)
      .matchHeader('x-acs-dingtalk-access-token', 'tok-1')
      .reply(400, { code: 'InvalidAuthentication', message: 'x', requestid: 'r1' });
    nock(API).post(SEND).matchHeader('x-acs-dingtalk-access-token', 'tok-2').reply(200, { processQueryKey: 'ok' });
    await expect(api.sendGroup(msg)).resolves.toEqual({ processQueryKey: 'ok' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('when oapi answers errcode 88/sub_code 40014, then the token is refreshed and sent as ?access_token', async () => {
    const { api } = testApi();
    mockTokens(2);
    nock(OAPI)
      .post('/topapi/v2/user/get')
      .query({ access_token: 'tok-1' })
      .reply(200, { errcode: 88, sub_code: '40014', sub_msg: 'bad token' });
    nock(OAPI)
      .post('/topapi/v2/user/get')
      .query({ access_token: 'tok-2' })
      .reply(200, { errcode: 0, result: { userid: 'u1', name: 'Dr Chan' } });
    const user = await api.getUser('u1');
    expect(user.userId).toBe('u1');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('when a missing scope is reported, then the token is not refreshed and the call fails', async () => {
    const { api } = testApi();
    const tokens = mockTokens(1);
    nock(API)
      .post(SEND)
      .reply(403, { code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied', requestid: 'r9' });
    const err = await api.sendGroup(msg).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DingTalkApiError);
    expect(err).toMatchObject({ code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied', retryable: false });
    expect(tokens.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('retries and error mapping', () => {
  it.each([
    ['QPS code', 403, { code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi', requestid: 'q' }],
    ['send.too.fast', 400, { code: 'send.too.fast' }],
    ['HTTP 429', 429, {}],
    ['HTTP 503', 503, 'Service Unavailable'],
  ])('when DingTalk answers %s once, then the call is retried and succeeds', async (_n, status, body) => {
    const { api, sleeps } = testApi();
    mockTokens(1);
    nock(API).post(SEND).reply(status, body);
    nock(API).post(SEND).reply(200, { processQueryKey: 'after-retry' });
    await expect(api.sendGroup(msg)).resolves.toEqual({ processQueryKey: 'after-retry' });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(5); // half of baseDelayMs at least
  });

  it('when a request times out, then it is retried', async () => {
    const { api } = testApi({ timeoutMs: 50 });
    mockTokens(1);
    nock(API).post(SEND).delay(300).reply(200, { processQueryKey: 'late' });
    nock(API).post(SEND).reply(200, { processQueryKey: 'on-time' });
    await expect(api.sendGroup(msg)).resolves.toEqual({ processQueryKey: 'on-time' });
  });

  it('when every try times out, then a retryable timeout error is thrown after the set attempts', async () => {
    const { api, sleeps } = testApi({ timeoutMs: 30 });
    mockTokens(1);
    nock(API).post(SEND).times(3).delay(200).reply(200, {});
    const err = await api.sendGroup(msg).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'DingTalkApiError', kind: 'timeout', code: 'timeout', retryable: true });
    expect(sleeps).toHaveLength(2);
  });

  it('when a 400 invalidParameter comes back, then it is not retried', async () => {
    const { api, sleeps } = testApi();
    mockTokens(1);
    const scope = nock(API)
      .post(SEND)
      .reply(400, { code: 'invalidParameter.msgParam.invalid', message: 'bad', requestid: 'req-7' });
    const second = nock(API).post(SEND).reply(200, { processQueryKey: 'never' });
    const err = await api.sendGroup(msg).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'invalidParameter.msgParam.invalid',
      status: 400,
      requestId: 'req-7',
      retryable: false,
      kind: 'api',
    });
    expect(scope.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
    expect(sleeps).toEqual([]);
  });

  it('when oapi answers HTTP 200 with errcode 33012, then a typed non-retryable error is thrown', async () => {
    const { api } = testApi();
    mockTokens(1);
    nock(OAPI)
      .post('/topapi/v2/user/get')
      .query(true)
      .reply(200, { errcode: 33012, errmsg: '无效的userId', request_id: 'oreq' });
    const err = await api.getUser('nobody').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '33012', kind: 'errcode', requestId: 'oreq', retryable: false });
  });

  it('when oapi answers errcode 90018 (QPS), then it is retried', async () => {
    const { api } = testApi();
    mockTokens(1);
    nock(OAPI).post('/topapi/v2/user/get').query(true).reply(200, { errcode: 90018, errmsg: 'qps' });
    nock(OAPI).post('/topapi/v2/user/get').query(true).reply(200, { errcode: 0, result: { userid: 'u2' } });
    await expect(api.getUser('u2')).resolves.toMatchObject({ userId: 'u2' });
  });
});

describe('outbound PHI guard', () => {
  it('when a payload carries a valid HKID, then nothing is sent, the refusal is audited and thrown', async () => {
    const { api, audit } = testApi();
    const tokens = mockTokens(1);
    const send = nock(API).post(SEND).reply(200, { processQueryKey: 'leak' });
    const err = await api
      .sendGroup({ ...msg, msgParam: { content: 'patient A123456(3) result' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'phi.blocked' });
    expect(send.isDone()).toBe(false);
    expect(tokens.isDone()).toBe(false);
    expect(audit.entries).toEqual([
      { actor: 'system', action: 'outbound.blocked', target: 'robot.groupSend', outcome: 'denied', reason: 'hkid' },
    ]);
  });

  it('when an HKID-shaped string fails its check digit, then the payload is sent', async () => {
    const { api } = testApi();
    mockTokens(1);
    nock(API).post(SEND).reply(200, { processQueryKey: 'fine' });
    await expect(api.sendGroup({ ...msg, msgParam: { content: 'ref A123456(4)' } })).resolves.toEqual({
      processQueryKey: 'fine',
    });
  });
});

describe('logging', () => {
  it('when calls fail and retry, then logs carry no token, secret or message text', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const { api } = testApi({ logger: createLogger('trace', sink) });
    mockTokens(2);
    nock(API).post(SEND).reply(400, { code: 'InvalidAuthentication' });
    nock(API).post(SEND).reply(503, { code: 'system.error' });
    nock(API).post(SEND).reply(400, { code: 'invalidParameter.msgKey.invalid' });
    await api.sendGroup({ ...msg, msgParam: { content: 'secret-consult-text' } }).catch(() => undefined);
    await api
      .sendGroup({ ...msg, msgParam: { content: 'Z683365(A) leaked?' } })
      .catch(() => undefined);
    const all = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const needle of ['tok-1', 'tok-2', 'client-secret-value', 'secret-consult-text', 'Z683365']) {
      expect(all).not.toContain(needle);
    }
    expect(all).toContain('invalidParameter.msgKey.invalid');
  });
});
