import { describe, expect, it } from 'vitest';
import type { AxiosRequestConfig } from 'axios';
import { ManualClock } from '../../src/shared/clock.js';
import { appToken, DEMO_ORG, rawHttp, startDemoSimulator, type SeededDemoOrg, type Simulator } from '../helpers/sim.js';

const http = rawHttp();
const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';
const HO = 'qmh-ho-wingyee';

describe('simulator OpenAPI: cards, users, scene groups, demo org', () => {
  let sim: Simulator;
  let demo: SeededDemoOrg;
  let token: string;
  let auth: AxiosRequestConfig;

  async function start(opts = {}): Promise<void> {
    ({ sim, demo } = await startDemoSimulator(opts));
    token = await appToken(sim);
    auth = { headers: { 'x-acs-dingtalk-access-token': token } };
  }
  const post = (path: string, body: unknown) => http.post(`${sim.apiBase}${path}`, body, auth);
  const oapi = (path: string, body: unknown) => http.post(`${sim.oapiBase}${path}`, body, { params: { access_token: token } });

  it('When a card goes to a group and a 1:1 robot chat, then each space reports success and the log shows its text', async () => {
    await start();
    const r = await post('/v1.0/card/instances/createAndDeliver', {
      cardTemplateId: 'tpl.schema',
      outTrackId: 'share-1',
      callbackType: 'STREAM',
      openSpaceId: `dtv1.card//IM_GROUP.${demo.groups.cardiologyConsult};dtv1.card//IM_ROBOT.${WONG};dtv1.card//IM_ROBOT.ghost`,
      cardData: { cardParamMap: { title: '📄 New report · case C-7KQ2M', from: 'Dr CHAN Tai-man · Cardiology · QMH' } },
      imGroupOpenDeliverModel: { robotCode: sim.robotCode, atUserIds: { [WONG]: 'Wong Siu-ming' } },
      imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT' },
    });
    expect(r.status).toBe(200);
    expect(r.data.success).toBe(true);
    expect(r.data.result.outTrackId).toBe('share-1');
    expect(r.data.result.deliverResults.map((d: { spaceId: string; success: boolean }) => [d.spaceId, d.success])).toEqual([
      [demo.groups.cardiologyConsult, true],
      [WONG, true],
      ['ghost', false],
    ]);
    const inGroup = await sim.nextReply({ conversationId: demo.groups.cardiologyConsult });
    expect(inGroup).toMatchObject({ via: 'card', outTrackId: 'share-1', atUserIds: [WONG] });
    expect(inGroup.text).toBe('📄 New report · case C-7KQ2M\nDr CHAN Tai-man · Cardiology · QMH');
    expect(await sim.nextReply({ userId: WONG })).toMatchObject({ via: 'card', outTrackId: 'share-1' });
  });

  it('When card data is not all strings or the space id is malformed, then createAndDeliver answers 400', async () => {
    await start();
    const base = {
      cardTemplateId: 'tpl.schema',
      outTrackId: 'bad-1',
      openSpaceId: `dtv1.card//IM_GROUP.${demo.groups.cardiologyConsult}`,
      imGroupOpenDeliverModel: { robotCode: sim.robotCode },
    };
    const notString = await post('/v1.0/card/instances/createAndDeliver', { ...base, cardData: { cardParamMap: { n: 1 } } });
    expect(notString.status).toBe(400);
    expect(notString.data).toMatchObject({ code: expect.any(String), requestid: expect.any(String) });
    const badSpace = await post('/v1.0/card/instances/createAndDeliver', { ...base, openSpaceId: 'IM_GROUP.cid', cardData: {} });
    expect(badSpace.status).toBe(400);
    expect(sim.cards.size).toBe(0);
  });

  it('When a card is updated by key or replaced, then its data changes accordingly and unknown cards answer 400', async () => {
    await start();
    await post('/v1.0/card/instances/createAndDeliver', {
      cardTemplateId: 'tpl.schema',
      outTrackId: 'burn-1',
      openSpaceId: `dtv1.card//IM_GROUP.${demo.groups.cardiologyConsult}`,
      cardData: { cardParamMap: { title: '🔥 Burn-after-reading', state: 'open' } },
      imGroupOpenDeliverModel: { robotCode: sim.robotCode },
    });
    const byKey = await http.put(`${sim.apiBase}/v1.0/card/instances`, {
      outTrackId: 'burn-1',
      cardData: { cardParamMap: { state: 'burned' } },
      cardUpdateOptions: { updateCardDataByKey: true },
    }, auth);
    expect(byKey.data).toEqual({ success: true, result: true });
    expect(sim.cards.get('burn-1')!.cardParamMap).toEqual({ title: '🔥 Burn-after-reading', state: 'burned' });
    await http.put(`${sim.apiBase}/v1.0/card/instances`, { outTrackId: 'burn-1', cardData: { cardParamMap: { state: 'gone' } } }, auth);
    expect(sim.cards.get('burn-1')!.cardParamMap).toEqual({ state: 'gone' });
    expect(sim.sent.filter((e) => e.via === 'cardUpdate').map((e) => e.text)).toEqual(['🔥 Burn-after-reading\nburned', 'gone']);
    const unknown = await http.put(`${sim.apiBase}/v1.0/card/instances`, { outTrackId: 'nope' }, auth);
    expect(unknown.status).toBe(400);
  });

  it('When user details are asked for, then known users come back in oapi shape and unknown ones get errcode 33012', async () => {
    await start();
    const r = await oapi('/topapi/v2/user/get', { userid: CHAN, language: 'en_US' });
    expect(r.data).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      request_id: expect.any(String),
      result: { userid: CHAN, name: '陳大文', title: 'Consultant, Cardiology', unionid: expect.any(String) },
    });
    expect((await oapi('/topapi/v2/user/get', { userid: 'ghost' })).data.errcode).toBe(33012);
    const form = await http.post(`${sim.oapiBase}/topapi/v2/user/get`, `userid=${WONG}`, {
      params: { access_token: token },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.data.result.userid).toBe(WONG);
  });

  it('When an H5 auth code is exchanged, then it works once and not after 5 minutes', async () => {
    const clock = new ManualClock();
    await start({ clock });
    const code = sim.issueAuthCode(WONG);
    const first = await oapi('/topapi/v2/user/getuserinfo', { code });
    expect(first.data).toMatchObject({ errcode: 0, result: { userid: WONG, name: 'Wong Siu-ming', sys: false, sys_level: 0 } });
    expect((await oapi('/topapi/v2/user/getuserinfo', { code })).data.errcode).toBe(40078);
    const late = sim.issueAuthCode(WONG);
    clock.advance(5 * 60_000 + 1);
    expect((await oapi('/topapi/v2/user/getuserinfo', { code: late })).data.errcode).toBe(40078);
  });

  it('When a scene group is created and members change, then the org follows and a repeated uuid is idempotent', async () => {
    await start();
    const body = { title: 'Allergy alert · C-9PX4A', template_id: 'tpl-1', owner_user_id: HO, user_ids: [WONG], uuid: 'u-1' };
    const created = await post('/v1.0/im/sceneGroup/create', body);
    expect(created.data).toEqual({ open_conversation_id: expect.stringMatching(/^cid/), chat_id: expect.stringMatching(/^chat/) });
    const cid = created.data.open_conversation_id as string;
    expect((await post('/v1.0/im/sceneGroup/create', body)).data.open_conversation_id).toBe(cid);
    expect(sim.org.groups.get(cid)!.memberIds).toEqual([HO, WONG]);

    expect((await post('/v1.0/im/sceneGroup/member/add', { open_conversation_id: cid, user_ids: [CHAN] })).data).toEqual({ success: true });
    await post('/v1.0/im/sceneGroup/member/delete', { open_conversation_id: cid, user_ids: [WONG] });
    expect(sim.org.groups.get(cid)!.memberIds).toEqual([HO, CHAN]);

    const bad = await post('/v1.0/im/sceneGroup/member/add', { open_conversation_id: 'cidNope', user_ids: [CHAN] });
    expect(bad.status).toBe(400);
    expect(bad.data.code).toBe('parameter.invalid');
    const longTitle = await post('/v1.0/im/sceneGroup/create', { ...body, uuid: undefined, title: 'x'.repeat(31) });
    expect(longTitle.data.code).toBe('parameter.invalid');
  });

  it('When the demo org is seeded, then both institutions, one unverified clinician and both groups are present', async () => {
    await start();
    expect(new Set(DEMO_ORG.institutions.map((i) => i.sector))).toEqual(new Set(['public', 'private']));
    expect(DEMO_ORG.clinicians.filter((c) => !c.verified)).toHaveLength(1);
    for (const c of DEMO_ORG.clinicians) {
      expect(sim.org.users.get(c.userId)!.name).toBe(c.dingtalkName);
      if (c.role === 'doctor') expect(c.registrationNo).toMatch(/^M\d{5}$/);
    }
    expect(sim.org.groups.get(demo.groups.cardiologyConsult)!.title).toBe('Cardiology consult · QMH/Private');
    expect(sim.org.groups.get(demo.groups.aeHandover)!.memberIds).toContain(HO);
  });
});
