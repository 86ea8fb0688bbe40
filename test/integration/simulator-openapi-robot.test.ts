import { beforeAll, describe, expect, it } from 'vitest';
import type { AxiosRequestConfig } from 'axios';
import { ManualClock } from '../../src/shared/clock.js';
import {
  appToken,
  connectSdk,
  quietSdkLogs,
  rawHttp,
  startDemoSimulator,
  type SeededDemoOrg,
  type Simulator,
} from '../helpers/sim.js';

const http = rawHttp();
const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';
const LEE = 'hph-lee-meiling';

describe('simulator OpenAPI: robot send, recall, read status, session webhooks', () => {
  let sim: Simulator;
  let demo: SeededDemoOrg;
  let auth: AxiosRequestConfig;
  beforeAll(quietSdkLogs);

  async function start(opts = {}): Promise<void> {
    ({ sim, demo } = await startDemoSimulator(opts));
    auth = { headers: { 'x-acs-dingtalk-access-token': await appToken(sim) } };
  }
  const post = (path: string, body: unknown) => http.post(`${sim.apiBase}${path}`, body, auth);
  const groupSend = (body: Record<string, unknown>) =>
    post('/v1.0/robot/groupMessages/send', {
      robotCode: sim.robotCode,
      openConversationId: demo.groups.cardiologyConsult,
      msgKey: 'sampleMarkdown',
      msgParam: JSON.stringify({ title: 'New report', text: '📄 New report · case C-7KQ2M' }),
      ...body,
    });

  it('When the bot posts to a group, then it gets a processQueryKey and the log holds the visible text', async () => {
    await start();
    const r = await groupSend({});
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ processQueryKey: expect.any(String) });
    const reply = await sim.nextReply({ conversationId: demo.groups.cardiologyConsult });
    expect(reply).toMatchObject({ via: 'group', msgKey: 'sampleMarkdown', processQueryKey: r.data.processQueryKey });
    expect(reply.text).toBe('New report\n📄 New report · case C-7KQ2M');
  });

  it('When nextReply is asked for new messages only, then an earlier unconsumed message is skipped', async () => {
    await start();
    await groupSend({ msgKey: 'sampleText', msgParam: JSON.stringify({ content: 'old' }) });
    const waiting = sim.nextReply({ conversationId: demo.groups.cardiologyConsult, newOnly: true });
    await groupSend({ msgKey: 'sampleText', msgParam: JSON.stringify({ content: 'new' }) });
    expect((await waiting).text).toBe('new');
    expect((await sim.nextReply({ conversationId: demo.groups.cardiologyConsult })).text).toBe('old');
  });

  it.each([
    [{ robotCode: undefined }, 'invalidParameter.robotCode.empty'],
    [{ robotCode: 'someone-else' }, 'invalidParameter.robotCode.notExsit'],
    [{ openConversationId: undefined }, 'miss.openConversationId'],
    [{ openConversationId: 'cidUnknown' }, 'invalid.openConversationId'],
    [{ msgKey: undefined }, 'invalidParameter.msgKey.empty'],
    [{ msgKey: 'sampleWhatever' }, 'invalidParameter.msgKey.invalid'],
    [{ msgParam: { title: 't', text: 'x' } }, 'invalidParameter.msgParam.invalid'],
    [{ msgParam: '{oops' }, 'invalidParameter.msgParam.invalid'],
    [{ msgParam: JSON.stringify({ title: 't' }) }, 'invalidParameter.msgParam.invalid'],
    [{ msgParam: JSON.stringify({ title: 't', text: 'x'.repeat(15_001) }) }, 'invalidParameter.msgParam.tooLong'],
  ])('When a group send has %j, then it answers 400 %s and logs nothing', async (patch, code) => {
    await start();
    const r = await groupSend(patch);
    expect(r.status).toBe(400);
    expect(r.data).toEqual({ code, message: expect.any(String), requestid: expect.any(String) });
    expect(sim.sent).toHaveLength(0);
  });

  it('When 1:1 messages go to known and unknown users, then unknown ones come back in invalidStaffIdList', async () => {
    await start();
    const body = { robotCode: sim.robotCode, msgKey: 'sampleText', msgParam: JSON.stringify({ content: 'Access granted' }) };
    const r = await post('/v1.0/robot/oToMessages/batchSend', { ...body, userIds: [WONG, 'ghost'] });
    expect(r.data).toEqual({ processQueryKey: expect.any(String), invalidStaffIdList: ['ghost'], flowControlledStaffIdList: [] });
    expect(await sim.nextReply({ userId: WONG })).toMatchObject({ via: 'oto', text: 'Access granted', userIds: [WONG] });

    const tooMany = await post('/v1.0/robot/oToMessages/batchSend', { ...body, userIds: Array.from({ length: 21 }, (_, i) => `u${i}`) });
    expect(tooMany.data.code).toBe('invalidParameter.userIds.overMax');
    const none = await post('/v1.0/robot/oToMessages/batchSend', { ...body, userIds: [] });
    expect(none.data.code).toBe('invalidParameter.userIds.empty');
  });

  it('When 1:1 messages are read and recalled, then readStatus reports READ/UNREAD and RECALLED', async () => {
    await start();
    const sent = await post('/v1.0/robot/oToMessages/batchSend', {
      robotCode: sim.robotCode,
      userIds: [WONG, LEE],
      msgKey: 'sampleText',
      msgParam: JSON.stringify({ content: 'Please approve' }),
    });
    const key = sent.data.processQueryKey as string;
    sim.markRead(key, WONG);
    const status = () =>
      http.get(`${sim.apiBase}/v1.0/robot/oToMessages/readStatus`, { headers: auth.headers, params: { robotCode: sim.robotCode, processQueryKey: key } });
    expect((await status()).data).toEqual({
      sendStatus: 'SUCCESS',
      messageReadInfoList: [
        { name: 'Wong Siu-ming', userId: WONG, readStatus: 'READ' },
        { name: '李美玲', userId: LEE, readStatus: 'UNREAD' },
      ],
    });
    const recall = await post('/v1.0/robot/otoMessages/batchRecall', { robotCode: sim.robotCode, processQueryKeys: [key, 'nope'] });
    expect(recall.data).toEqual({ successResult: [key], failedResult: { nope: expect.any(String) } });
    expect((await status()).data.sendStatus).toBe('RECALLED');
    expect(sim.sent.find((e) => e.processQueryKey === key)!.recalled).toBe(true);
    expect(sim.sent.at(-1)).toMatchObject({ via: 'recall', userIds: [WONG, LEE] });
  });

  it('When a group message is recalled and read, then the query pages read users and recall needs the right group', async () => {
    await start();
    const key = (await groupSend({})).data.processQueryKey as string;
    for (const u of [CHAN, WONG, LEE]) sim.markRead(key, u);
    const query = (extra: object) =>
      post('/v1.0/robot/groupMessages/query', { robotCode: sim.robotCode, processQueryKey: key, ...extra });
    const page1 = await query({ maxResults: 2 });
    expect(page1.data).toMatchObject({ sendStatus: 'SUCCESS', readUserIds: [CHAN, WONG], hasMore: true });
    expect(page1.data.readUsers[0]).toEqual({ userId: CHAN, unionId: expect.any(String) });
    const page2 = await query({ maxResults: 2, nextToken: page1.data.nextToken });
    expect(page2.data).toMatchObject({ readUserIds: [LEE], hasMore: false });

    const recallBody = { robotCode: sim.robotCode, processQueryKeys: [key] };
    const wrongGroup = await post('/v1.0/robot/groupMessages/recall', { ...recallBody, openConversationId: demo.groups.aeHandover });
    expect(wrongGroup.data.successResult).toEqual([]);
    const ok = await post('/v1.0/robot/groupMessages/recall', { ...recallBody, openConversationId: demo.groups.cardiologyConsult });
    expect(ok.data.successResult).toEqual([key]);
    expect((await query({})).data.sendStatus).toBe('RECALLED');
    const overMax = await post('/v1.0/robot/groupMessages/recall', {
      ...recallBody,
      openConversationId: demo.groups.cardiologyConsult,
      processQueryKeys: Array.from({ length: 21 }, (_, i) => `k${i}`),
    });
    expect(overMax.data.code).toBe('invalidParameter.processQueryKeys.overMax');
  });

  it('When the bot replies through the sessionWebhook, then no token is needed and nextReply sees it, even if it waited first', async () => {
    await start();
    const sdk = await connectSdk(sim);
    sim.say(demo.groups.cardiologyConsult, CHAN, '@ConsultBridge whoami');
    await sim.waitFor('ack');
    const webhook = JSON.parse(sdk.robotFrames[0]!.data).sessionWebhook as string;
    const waiting = sim.nextReply({ conversationId: demo.groups.cardiologyConsult });
    const r = await http.post(webhook, {
      msgtype: 'markdown',
      markdown: { title: 'whoami', text: `@${CHAN} 陳大文 Dr CHAN Tai-man · Consultant, Cardiology` },
      at: { atUserIds: [CHAN], isAtAll: false },
    });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ errcode: 0, errmsg: 'ok' });
    const reply = await waiting;
    expect(reply).toMatchObject({ via: 'webhook', msgKey: 'markdown', atUserIds: [CHAN] });
    expect(reply.text).toContain('Consultant, Cardiology');
    await expect(sim.nextReply({ conversationId: demo.groups.cardiologyConsult, timeoutMs: 50 })).rejects.toThrow(/timed out/);
  });

  it('When a 1:1 session webhook is used after 90 minutes, then it answers an errcode and logs nothing', async () => {
    const clock = new ManualClock();
    await start({ clock });
    const sdk = await connectSdk(sim);
    sim.dm(WONG, 'help');
    await sim.waitFor('ack');
    const webhook = JSON.parse(sdk.robotFrames[0]!.data).sessionWebhook as string;
    const first = await http.post(webhook, { msgtype: 'text', text: { content: 'Commands: whoami, share' } });
    expect(first.data.errcode).toBe(0);
    expect(await sim.nextReply({ userId: WONG })).toMatchObject({ via: 'webhook', text: 'Commands: whoami, share' });
    const empty = await http.post(webhook, { msgtype: 'text', text: {} });
    expect(empty.data.errcode).toBe(40035);
    clock.advance(90 * 60_000);
    const late = await http.post(webhook, { msgtype: 'text', text: { content: 'too late' } });
    expect(late.status).toBe(200);
    expect(late.data.errcode).not.toBe(0);
    const unknown = await http.post(`${sim.oapiBase}/robot/sendBySession?session=nope`, { msgtype: 'text', text: { content: 'x' } });
    expect(unknown.data.errcode).toBe(300005);
    expect(sim.sent).toHaveLength(1);
  });
});
