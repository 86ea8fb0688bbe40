import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, mockTokens, OAPI, testApi } from '../helpers/dingtalk-api.js';

beforeEach(() => {
  nock.disableNetConnect();
  mockTokens(1);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('robot messages', () => {
  it('when sending to a group, then msgParam is a JSON string and robotCode is added', async () => {
    const { api } = testApi();
    const scope = nock(API)
      .post('/v1.0/robot/groupMessages/send', {
        robotCode: 'dingrobot',
        openConversationId: 'cid1',
        msgKey: 'sampleMarkdown',
        msgParam: JSON.stringify({ title: 'T', text: '**x**' }),
      })
      .reply(200, { processQueryKey: 'pqk-1' });
    const r = await api.sendGroup({ openConversationId: 'cid1', msgKey: 'sampleMarkdown', msgParam: { title: 'T', text: '**x**' } });
    expect(r).toEqual({ processQueryKey: 'pqk-1' });
    expect(scope.isDone()).toBe(true);
  });

  it('when sending to 45 users, then three calls of 20/20/5 are made and results merged', async () => {
    const { api } = testApi();
    const sizes: number[] = [];
    nock(API)
      .post('/v1.0/robot/oToMessages/batchSend')
      .times(3)
      .reply(200, (_uri, body) => {
        const b = body as { userIds: string[]; msgParam: string };
        sizes.push(b.userIds.length);
        expect(JSON.parse(b.msgParam)).toEqual({ content: 'hi' });
        return {
          processQueryKey: `k${sizes.length}`,
          invalidStaffIdList: b.userIds.filter((u) => u === 'u7'),
          flowControlledStaffIdList: b.userIds.filter((u) => u === 'u44'),
        };
      });
    const userIds = Array.from({ length: 45 }, (_, i) => `u${i}`);
    const r = await api.sendToUsers({ userIds, msgKey: 'sampleText', msgParam: { content: 'hi' } });
    expect(sizes).toEqual([20, 20, 5]);
    expect(r).toEqual({ processQueryKeys: ['k1', 'k2', 'k3'], invalidStaffIdList: ['u7'], flowControlledStaffIdList: ['u44'] });
  });

  it('when recalling 1:1 messages, then the lower-case otoMessages path is used', async () => {
    const { api } = testApi();
    nock(API)
      .post('/v1.0/robot/otoMessages/batchRecall', { robotCode: 'dingrobot', processQueryKeys: ['a', 'b'] })
      .reply(200, { successResult: ['a'], failedResult: { b: 'expired' } });
    await expect(api.recallOto({ processQueryKeys: ['a', 'b'] })).resolves.toEqual({
      successResult: ['a'],
      failedResult: { b: 'expired' },
    });
  });

  it('when recalling 25 group messages, then two calls are made and results merged', async () => {
    const { api } = testApi();
    const keys = Array.from({ length: 25 }, (_, i) => `p${i}`);
    nock(API)
      .post('/v1.0/robot/groupMessages/recall', (b) => b.openConversationId === 'cid9' && b.processQueryKeys.length === 20)
      .reply(200, { successResult: keys.slice(0, 20), failedResult: {} });
    nock(API)
      .post('/v1.0/robot/groupMessages/recall', (b) => b.processQueryKeys.length === 5 && b.robotCode === 'dingrobot')
      .reply(200, { successResult: keys.slice(20), failedResult: {} });
    const r = await api.recallGroup({ openConversationId: 'cid9', processQueryKeys: keys });
    expect(r.successResult).toEqual(keys);
  });

  it('when reading 1:1 status, then the key goes in the query and SUCESS is normalised', async () => {
    const { api } = testApi();
    nock(API)
      .get('/v1.0/robot/oToMessages/readStatus')
      .query({ robotCode: 'dingrobot', processQueryKey: 'a+b/c=' })
      .reply(200, {
        sendStatus: 'SUCESS',
        messageReadInfoList: [
          { name: 'A', userId: 'u1', readStatus: 'READ' },
          { name: 'B', userId: 'u2', readStatus: 'UNREAD' },
        ],
      });
    await expect(api.readStatusOto('a+b/c=')).resolves.toEqual({
      sendStatus: 'SUCCESS',
      readers: [
        { userId: 'u1', read: true },
        { userId: 'u2', read: false },
      ],
    });
  });

  it('when reading group status, then the query endpoint is posted', async () => {
    const { api } = testApi();
    nock(API)
      .post('/v1.0/robot/groupMessages/query', { robotCode: 'dingrobot', maxResults: 200, processQueryKey: 'k', openConversationId: 'cid' })
      .reply(200, { sendStatus: 'SUCCESS', readUserIds: ['u1'], hasMore: false });
    await expect(api.readStatusGroup({ processQueryKey: 'k', openConversationId: 'cid' })).resolves.toEqual({
      sendStatus: 'SUCCESS',
      readUserIds: ['u1'],
      hasMore: false,
      nextToken: undefined,
    });
  });
});

describe('cards', () => {
  it('when delivering to a group, then STREAM callbacks, string values and the group models are sent', async () => {
    const { api } = testApi();
    let sent: Record<string, unknown> = {};
    nock(API)
      .post('/v1.0/card/instances/createAndDeliver')
      .reply(200, (_u, body) => {
        sent = body as Record<string, unknown>;
        return { success: true, result: { outTrackId: 'ot-1', deliverResults: [{ spaceType: 'IM_GROUP', spaceId: 'cid1', success: true, carrierId: 'c1' }] } };
      });
    const r = await api.createAndDeliverCard({
      cardTemplateId: 'tpl.schema',
      outTrackId: 'ot-1',
      target: { type: 'group', openConversationId: 'cid1' },
      cardParamMap: { title: 'Consult', count: 2, urgent: false, items: [{ k: 'a' }], none: null },
      privateData: { u1: { mine: true } },
      atUserIds: { u1: 'Dr A' },
      recipients: ['u1'],
    });
    expect(r).toEqual({ outTrackId: 'ot-1', deliveries: [{ spaceType: 'IM_GROUP', spaceId: 'cid1', carrierId: 'c1' }] });
    expect(sent).toMatchObject({
      cardTemplateId: 'tpl.schema',
      outTrackId: 'ot-1',
      openSpaceId: 'dtv1.card//IM_GROUP.cid1',
      callbackType: 'STREAM',
      cardData: { cardParamMap: { title: 'Consult', count: '2', urgent: 'false', items: '[{"k":"a"}]', none: '' } },
      privateData: { u1: { cardParamMap: { mine: 'true' } } },
      imGroupOpenSpaceModel: { supportForward: false },
      imGroupOpenDeliverModel: { robotCode: 'dingrobot', atUserIds: { u1: 'Dr A' }, recipients: ['u1'] },
    });
    expect(sent).not.toHaveProperty('imRobotOpenDeliverModel');
  });

  it('when a space reports success:false, then a non-retryable card.deliver_failed is thrown', async () => {
    const { api } = testApi();
    nock(API)
      .post('/v1.0/card/instances/createAndDeliver', (b) => b.openSpaceId === 'dtv1.card//IM_ROBOT.u5' && b.imRobotOpenDeliverModel.spaceType === 'IM_ROBOT')
      .reply(200, { success: true, result: { deliverResults: [{ spaceType: 'IM_ROBOT', success: false, errorMsg: 'x' }] } });
    const err = await api
      .createAndDeliverCard({ cardTemplateId: 't', outTrackId: 'o', target: { type: 'robot', userId: 'u5' }, cardParamMap: {} })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'card.deliver_failed', retryable: false });
  });

  it('when updating, then PUT merges by key with string values', async () => {
    const { api } = testApi();
    const scope = nock(API)
      .put('/v1.0/card/instances', {
        outTrackId: 'ot-1',
        cardData: { cardParamMap: { status: 'approved', n: '3' } },
        cardUpdateOptions: { updateCardDataByKey: true, updatePrivateDataByKey: true },
        userIdType: 1,
      })
      .reply(200, { success: true, result: true });
    await expect(api.updateCard({ outTrackId: 'ot-1', cardParamMap: { status: 'approved', n: 3 } })).resolves.toEqual({ outTrackId: 'ot-1' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('users', () => {
  it('when getting a user, then oapi fields are mapped and the main department is named', async () => {
    const { api } = testApi();
    nock(OAPI)
      .post('/topapi/v2/department/get', { dept_id: 20, language: 'en_US' })
      .query({ access_token: 'tok-1' })
      .reply(200, { errcode: 0, result: { dept_id: 20, name: 'Cardiology' } });
    nock(OAPI)
      .post('/topapi/v2/user/get', { userid: 'u1', language: 'en_US' })
      .query({ access_token: 'tok-1' })
      .reply(200, {
        errcode: 0,
        result: {
          userid: 'u1', unionid: 'un1', name: 'Dr Chan', title: 'Consultant', job_number: 'J9',
          dept_id_list: [10, 20], dept_position_list: [{ dept_id: 20, is_main: true }], active: 'true',
        },
      });
    await expect(api.getUser('u1')).resolves.toMatchObject({
      userId: 'u1', unionId: 'un1', name: 'Dr Chan', title: 'Consultant', jobNumber: 'J9',
      deptIds: [10, 20], mainDeptId: 20, department: 'Cardiology', active: true,
    });
  });

  it('when the department lookup is refused, then the user still comes back without it', async () => {
    const { api } = testApi();
    nock(OAPI).post('/topapi/v2/user/get').query(true).reply(200, { errcode: 0, result: { userid: 'u4', name: 'N', dept_id_list: [7] } });
    nock(OAPI).post('/topapi/v2/department/get', { dept_id: 7, language: 'en_US' }).query(true).reply(200, { errcode: 60011, errmsg: 'no permission' });
    const u = await api.getUser('u4');
    expect(u).toMatchObject({ userId: 'u4', mainDeptId: 7 });
    expect(u.department).toBeUndefined();
  });

  it('when exchanging an auth code, then the user and admin level come back', async () => {
    const { api } = testApi();
    nock(OAPI)
      .post('/topapi/v2/user/getuserinfo', { code: 'abc' })
      .query({ access_token: 'tok-1' })
      .reply(200, { errcode: 0, result: { userid: 'u3', name: 'N', unionid: 'un3', sys: true, sys_level: 2 } });
    await expect(api.getUserInfoByAuthCode('abc')).resolves.toEqual({ userId: 'u3', name: 'N', unionId: 'un3', isAdmin: true, sysLevel: 2 });
  });
});

describe('scene groups', () => {
  it('when creating, then the body is snake_case and ids come back camelCase', async () => {
    const { api } = testApi();
    nock(API)
      .post('/v1.0/im/sceneGroup/create', { title: 'C-7KQ2M', template_id: 'tpl', owner_user_id: 'u1', user_ids: ['u1', 'u2'], uuid: 'idem-1' })
      .reply(200, { open_conversation_id: 'cidNew', chat_id: 'chatNew' });
    await expect(
      api.createSceneGroup({ title: 'C-7KQ2M', templateId: 'tpl', ownerUserId: 'u1', userIds: ['u1', 'u2'], uuid: 'idem-1' }),
    ).resolves.toEqual({ openConversationId: 'cidNew', chatId: 'chatNew' });
  });

  it('when adding and removing members, then the member endpoints are called', async () => {
    const { api } = testApi();
    const add = nock(API).post('/v1.0/im/sceneGroup/member/add', { open_conversation_id: 'cid', user_ids: ['u9'] }).reply(200, { success: true });
    const del = nock(API).post('/v1.0/im/sceneGroup/member/delete', { open_conversation_id: 'cid', user_ids: ['u9'] }).reply(200, { success: true });
    await api.addSceneGroupMembers({ openConversationId: 'cid', userIds: ['u9'] });
    await api.removeSceneGroupMembers({ openConversationId: 'cid', userIds: ['u9'] });
    expect(add.isDone() && del.isDone()).toBe(true);
  });
});

describe('session webhook', () => {
  const body = { msgtype: 'text', text: { content: 'ok' } };

  it('when replying, then no token is sent and errcode errors are mapped', async () => {
    const { api } = testApi();
    nock.cleanAll(); // no token may be requested at all
    nock(OAPI)
      .post('/robot/sendBySession', body)
      .query({ session: 's1' })
      .reply(function () {
        expect(this.req.headers['x-acs-dingtalk-access-token']).toBeUndefined();
        return [200, { errcode: 0, errmsg: 'ok' }];
      });
    await expect(api.replyBySessionWebhook(`${OAPI}/robot/sendBySession?session=s1`, body)).resolves.toEqual({ ok: true });
    nock(OAPI).post('/robot/sendBySession').query(true).reply(200, { errcode: 300005, errmsg: 'token is not exist' });
    const err = await api.replyBySessionWebhook(`${OAPI}/robot/sendBySession?session=s2`, body).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '300005', kind: 'errcode', retryable: false });
  });

  it('when the webhook points at another host, then it is refused without a request', async () => {
    const { api } = testApi();
    const evil = nock('https://evil.test').post('/x').reply(200, {});
    const err = await api.replyBySessionWebhook('https://evil.test/x', body).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'webhook.origin_not_allowed' });
    expect(evil.isDone()).toBe(false);
  });
});
