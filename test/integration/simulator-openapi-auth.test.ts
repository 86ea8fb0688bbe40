import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { appToken, rawHttp, startDemoSimulator, type Simulator } from '../helpers/sim.js';

const http = rawHttp();

describe('simulator OpenAPI: tokens, error styles, fault injection', () => {
  let sim: Simulator;

  it('When the app asks for a v1.0 token twice within its lifetime, then it gets the same token and both count', async () => {
    ({ sim } = await startDemoSimulator());
    const a = await http.post(`${sim.apiBase}/v1.0/oauth2/accessToken`, { appKey: sim.clientId, appSecret: sim.clientSecret });
    const b = await http.post(`${sim.apiBase}/v1.0/oauth2/accessToken`, { appKey: sim.clientId, appSecret: sim.clientSecret });
    expect(a.status).toBe(200);
    expect(a.data).toEqual({ accessToken: expect.any(String), expireIn: 7200 });
    expect(b.data.accessToken).toBe(a.data.accessToken);
    expect(sim.stats.tokensIssued).toBe(2);
  });

  it('When the credentials are wrong, then v1.0 answers 400 with a code and oapi answers 200 with errcode 40096', async () => {
    ({ sim } = await startDemoSimulator());
    const v1 = await http.post(`${sim.apiBase}/v1.0/oauth2/accessToken`, { appKey: sim.clientId, appSecret: 'nope' });
    expect(v1.status).toBe(400);
    expect(v1.data).toEqual({ code: 'invalidClientIdOrSecret', message: expect.any(String), requestid: expect.any(String) });
    const old = await http.get(`${sim.oapiBase}/gettoken`, { params: { appkey: sim.clientId, appsecret: 'nope' } });
    expect(old.status).toBe(200);
    expect(old.data).toMatchObject({ errcode: 40096 });
    expect(sim.stats.tokensIssued).toBe(0);
  });

  it('When the old gettoken is used, then its token also works on v1.0 routes', async () => {
    ({ sim } = await startDemoSimulator());
    const r = await http.get(`${sim.oapiBase}/gettoken`, { params: { appkey: sim.clientId, appsecret: sim.clientSecret } });
    expect(r.data).toMatchObject({ errcode: 0, errmsg: 'ok', access_token: expect.any(String), expires_in: 7200 });
    const read = await http.get(`${sim.apiBase}/v1.0/robot/oToMessages/readStatus`, {
      params: { robotCode: sim.robotCode, processQueryKey: 'unknown' },
      headers: { 'x-acs-dingtalk-access-token': r.data.access_token },
    });
    expect(read.data.code).toBe('invalid.processQueryKey'); // got past authentication
  });

  it('When a v1.0 route is called without, with a bad, or with an expired token, then it answers 400 in v1.0 style', async () => {
    ({ sim } = await startDemoSimulator());
    const url = `${sim.apiBase}/v1.0/robot/groupMessages/send`;
    const missing = await http.post(url, {});
    expect(missing.status).toBe(400);
    expect(missing.data.code).toBe('AuthenticationFailed.MissingParameter');
    const bad = await http.post(url, {}, { headers: { 'x-acs-dingtalk-access-token': 'forged' } });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ code: 'InvalidAuthentication', requestid: expect.any(String) });

    const token = await appToken(sim);
    sim.expireTokens();
    const expired = await http.post(url, {}, { headers: { 'x-acs-dingtalk-access-token': token } });
    expect(expired.data.code).toBe('InvalidAuthentication');
    expect(await appToken(sim)).not.toBe(token);
  });

  it('When a token outlives its lifetime, then it stops working', async () => {
    const clock = new ManualClock();
    ({ sim } = await startDemoSimulator({ clock, tokenLifetimeMs: 60_000 }));
    const token = await appToken(sim);
    const call = () =>
      http.post(`${sim.oapiBase}/topapi/v2/user/get`, { userid: 'qmh-chan-taiman' }, { params: { access_token: token } });
    expect((await call()).data.errcode).toBe(0);
    clock.advance(60_001);
    expect((await call()).data).toMatchObject({ errcode: 88, sub_code: '40014' });
  });

  it('When an oapi route lacks or has a bad access_token, then it answers HTTP 200 with errcode 88', async () => {
    ({ sim } = await startDemoSimulator());
    const url = `${sim.oapiBase}/topapi/v2/user/get`;
    const missing = await http.post(url, { userid: 'x' });
    expect(missing.status).toBe(200);
    expect(missing.data).toMatchObject({ errcode: 88, sub_code: '40000' });
    const bad = await http.post(url, { userid: 'x' }, { params: { access_token: 'forged' } });
    expect(bad.status).toBe(200);
    expect(bad.data).toMatchObject({ errcode: 88, sub_code: '40014' });
  });

  it('When the legacy oapi token style is chosen, then a bad token answers errcode 40014', async () => {
    ({ sim } = await startDemoSimulator({ oapiTokenErrorStyle: 'legacy' }));
    const bad = await http.post(`${sim.oapiBase}/topapi/v2/user/get`, {}, { params: { access_token: 'forged' } });
    expect(bad.data.errcode).toBe(40014);
  });

  it('When a client uses the wrong base, then it gets 404', async () => {
    ({ sim } = await startDemoSimulator());
    const token = await appToken(sim);
    const oapiOnApi = await http.post(`${sim.apiBase}/topapi/v2/user/get`, {}, { params: { access_token: token } });
    expect(oapiOnApi.status).toBe(404);
    const apiOnOapi = await http.post(`${sim.oapiBase}/v1.0/robot/groupMessages/send`, {}, {
      headers: { 'x-acs-dingtalk-access-token': token },
    });
    expect(apiOnOapi.status).toBe(404);
    expect(apiOnOapi.data.errcode).toBe(22);
    // 1:1 recall is spelled otoMessages; the send-style spelling does not exist.
    const wrongCase = await http.post(`${sim.apiBase}/v1.0/robot/oToMessages/batchRecall`, {}, {
      headers: { 'x-acs-dingtalk-access-token': token },
    });
    expect(wrongCase.status).toBe(404);
  });

  it('When faults are injected, then matching calls fail in their host style the given number of times', async () => {
    ({ sim } = await startDemoSimulator());
    const token = await appToken(sim);
    const userGet = () =>
      http.post(`${sim.oapiBase}/topapi/v2/user/get`, { userid: 'qmh-chan-taiman' }, { params: { access_token: token } });
    const readStatus = () =>
      http.get(`${sim.apiBase}/v1.0/robot/oToMessages/readStatus`, {
        params: { robotCode: sim.robotCode, processQueryKey: 'k' },
        headers: { 'x-acs-dingtalk-access-token': token },
      });

    sim.faults.inject({ path: '/v1.0/robot/', times: 2, status: 503 });
    expect((await readStatus()).status).toBe(503);
    expect((await readStatus()).data.code).toBe('ServiceUnavailable');
    expect((await readStatus()).status).toBe(400); // back to normal behaviour (unknown key)

    sim.faults.qpsLimit('/v1.0/robot/oToMessages/readStatus');
    const qps = await readStatus();
    expect(qps.status).toBe(403);
    expect(qps.data.code).toBe('Forbidden.AccessDenied.QpsLimitForAppkeyAndApi');

    sim.faults.qpsLimit('/oapi/topapi/');
    const oapiQps = await userGet();
    expect(oapiQps.status).toBe(200);
    expect(oapiQps.data.errcode).toBe(90018);
    expect((await userGet()).data.errcode).toBe(0);

    sim.faults.inject({ path: /user\/get$/, method: 'POST', errcode: 15, message: 'isp.top-remote-connection-timeout' });
    expect((await userGet()).data).toMatchObject({ errcode: 15, errmsg: 'isp.top-remote-connection-timeout' });
    expect(sim.stats.calls('/v1.0/robot/')).toBe(4);
    expect(sim.stats.calls('/oapi/topapi/v2/user/get')).toBe(3);
  });

  it('When a call hangs or is delayed, then the client times out or waits', async () => {
    ({ sim } = await startDemoSimulator());
    sim.faults.inject({ path: '/v1.0/oauth2/accessToken', hang: true });
    const body = { appKey: sim.clientId, appSecret: sim.clientSecret };
    await expect(http.post(`${sim.apiBase}/v1.0/oauth2/accessToken`, body, { timeout: 150 })).rejects.toThrow(/timeout/);
    sim.faults.inject({ path: '/v1.0/oauth2/accessToken', delayMs: 120 });
    const started = Date.now();
    const slow = await http.post(`${sim.apiBase}/v1.0/oauth2/accessToken`, body);
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('When DingTalk is down, then OpenAPI calls answer 503 but the stream gateway still registers', async () => {
    ({ sim } = await startDemoSimulator());
    sim.faults.down(true);
    const token = await http.post(`${sim.apiBase}/v1.0/oauth2/accessToken`, { appKey: sim.clientId, appSecret: sim.clientSecret });
    expect(token.status).toBe(503);
    const gw = await http.post(
      `${sim.apiBase}/v1.0/gateway/connections/open`,
      { clientId: sim.clientId, clientSecret: sim.clientSecret, subscriptions: [{ type: 'EVENT', topic: '*' }] },
      { headers: { Accept: 'application/json' } },
    );
    expect(gw.status).toBe(200);
    sim.faults.down(false);
    expect(typeof (await appToken(sim))).toBe('string');
  });
});
