import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { authWorld, type AuthWorld } from './auth-fixture.js';

const CARDIO = 'cidDemoCardiologyQmhHph0001==';
const CHAN = 'qmh-chan-taiman';
const LEE = 'hph-lee-meiling';
const HO = 'qmh-ho-wingyee'; // not in the cardiology group

interface Msg { id: number; rev: number; from: string; userId?: string; text: string; atUserIds: string[]; recalled: boolean; card?: { outTrackId: string; title: string; text: string; buttons: Array<{ label: string; params?: Record<string, string> }> } }
interface View { cursor: number; messages: Msg[] }

/** Calls the simulator's OpenAPI as the bot would (app token, robot code), to make recalls and cards. */
async function botApi(sim: Simulator, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const tok = await fetch(`${sim.apiBase}/v1.0/oauth2/accessToken`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appKey: sim.clientId, appSecret: sim.clientSecret }),
  }).then((r) => r.json() as Promise<{ accessToken: string }>);
  const res = await fetch(`${sim.apiBase}${path}`, {
    method, headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': tok.accessToken }, body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('sandbox chat API (sandbox mode)', () => {
  let w: AuthWorld;
  beforeAll(async () => {
    w = await authWorld();
  }, 30_000);
  afterAll(async () => w?.close());

  const view = async (user: string, conversation: string, after = 0): Promise<View> => {
    const res = await w.app.inject({ method: 'GET', url: '/api/sandbox/chat/messages', query: { user, conversation, after: String(after) } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const waitFor = async (user: string, conversation: string, pred: (m: Msg) => boolean): Promise<Msg> => {
    for (let i = 0; i < 100; i++) {
      const found = (await view(user, conversation)).messages.find(pred);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('message did not appear');
  };
  const say = (payload: Record<string, unknown>) => w.app.inject({ method: 'POST', url: '/api/sandbox/chat/say', payload });

  it('lists the demo groups with members, the users and the bot', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/sandbox/chat/groups' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.bot).toEqual({ name: 'ConsultBridge', conversation: 'bot' });
    const cardio = body.groups.find((g: { id: string }) => g.id === CARDIO);
    expect(cardio).toMatchObject({ key: 'cardiologyConsult', title: 'Cardiology consult · QMH/Private' });
    expect(cardio.memberIds).toContain(CHAN);
    expect(body.users.find((u: { userId: string }) => u.userId === CHAN).name).toBe('陳大文');
  });

  it('a group command shows what the user typed (with @-mentions) and the bot reply to every member', async () => {
    // `ping` answers in the group (help and other answers about the sender go 1:1).
    const res = await say({ user: CHAN, group: 'cardiologyConsult', text: '@ConsultBridge ping', atUserIds: [LEE] });
    expect(res.statusCode).toBe(200);
    const mine = await waitFor(CHAN, CARDIO, (m) => m.from === 'user' && m.text === '@ConsultBridge ping');
    expect(mine).toMatchObject({ userId: CHAN, atUserIds: [LEE], recalled: false });
    const reply = await waitFor(CHAN, CARDIO, (m) => m.from === 'bot' && m.id > mine.id);
    expect(reply.text).toMatch(/pong|在線/);
    // Another member sees the same group history; the bot's 1:1 chat does not contain it.
    const lee = await view(LEE, CARDIO);
    expect(lee.messages.map((m) => m.id)).toEqual(expect.arrayContaining([mine.id, reply.id]));
    expect((await view(CHAN, 'bot')).messages.some((m) => m.id === mine.id || m.id === reply.id)).toBe(false);
  });

  it('1:1 chats are private: only the user and the bot reply to that user', async () => {
    expect((await say({ user: LEE, text: '我是誰' })).statusCode).toBe(200);
    const mine = await waitFor(LEE, 'bot', (m) => m.from === 'user' && m.text === '我是誰');
    const reply = await waitFor(LEE, 'bot', (m) => m.from === 'bot' && m.id > mine.id);
    expect(reply.text).toMatch(/[\u4e00-\u9fff]/);
    const chan = await view(CHAN, 'bot');
    expect(chan.messages.some((m) => m.id === mine.id || m.id === reply.id)).toBe(false);
    expect((await view(LEE, CARDIO)).messages.some((m) => m.id === mine.id || m.id === reply.id)).toBe(false);
  });

  it('a voice note (voice: true) shows as its transcript and is answered 1:1 as a voice note, never run as a command', async () => {
    expect((await say({ user: CHAN, text: '薄血丸', voice: true })).statusCode).toBe(200);
    const mine = await waitFor(CHAN, 'bot', (m) => m.from === 'user' && m.text === '🎤 薄血丸');
    const reply = await waitFor(CHAN, 'bot', (m) => m.from === 'bot' && m.id > mine.id);
    expect(reply.text).toContain('warfarin');
    expect((await say({ user: CHAN, group: 'cardiologyConsult', text: 'ping', voice: true })).statusCode).toBe(200);
    const inGroup = await waitFor(CHAN, CARDIO, (m) => m.from === 'user' && m.text === '🎤 ping');
    const hint = await waitFor(CHAN, 'bot', (m) => m.from === 'bot' && m.id > inGroup.id);
    expect(hint.text).toContain('語音訊息');
    expect((await view(CHAN, CARDIO)).messages.some((m) => m.from === 'bot' && m.id > inGroup.id)).toBe(false);
  });

  it('a new group has its creator and members, is listed, and only they can use it', async () => {
    const made = await w.app.inject({ method: 'POST', url: '/api/sandbox/chat/groups', payload: { user: CHAN, title: 'Ward round', memberIds: [LEE] } });
    expect(made.statusCode).toBe(200);
    const id: string = made.json().id;
    const listed = (await w.app.inject({ method: 'GET', url: '/api/sandbox/chat/groups' })).json().groups.find((g: { id: string }) => g.id === id);
    expect(listed).toMatchObject({ title: 'Ward round', memberIds: [CHAN, LEE] });
    expect((await say({ user: LEE, group: id, text: '@ConsultBridge ping' })).statusCode).toBe(200);
    await waitFor(CHAN, id, (m) => m.from === 'bot');
    expect((await say({ user: HO, group: id, text: 'hi' })).statusCode).toBe(403);
    const bad = await w.app.inject({ method: 'POST', url: '/api/sandbox/chat/groups', payload: { user: CHAN, title: 'x', memberIds: ['nobody'] } });
    expect(bad.statusCode).toBe(404);
  });

  it('non-members can neither read nor write a group; unknown users and groups are 404', async () => {
    const read = await w.app.inject({ method: 'GET', url: '/api/sandbox/chat/messages', query: { user: HO, conversation: CARDIO } });
    expect(read.statusCode).toBe(403);
    expect((await say({ user: HO, group: CARDIO, text: 'hello' })).statusCode).toBe(403);
    expect((await say({ user: 'nobody', text: 'hello' })).statusCode).toBe(404);
    expect((await say({ user: CHAN, group: 'cidNoSuchGroup', text: 'hello' })).statusCode).toBe(404);
    expect((await say({ user: CHAN, group: CARDIO, text: '   ' })).statusCode).toBe(400);
  });

  it('after=<cursor> returns only what changed since: new messages and recalled ones again', async () => {
    const start = await view(CHAN, CARDIO);
    expect((await view(CHAN, CARDIO, start.cursor)).messages).toEqual([]);
    const sent = await botApi(w.h.sim, 'POST', '/v1.0/robot/groupMessages/send', {
      robotCode: w.h.sim.robotCode, openConversationId: CARDIO, msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: 'T', text: 'Recall me' }),
    });
    const fresh = await view(CHAN, CARDIO, start.cursor);
    expect(fresh.messages.map((m) => [m.text, m.recalled])).toEqual([['Recall me', false]]);
    await botApi(w.h.sim, 'POST', '/v1.0/robot/groupMessages/recall', {
      robotCode: w.h.sim.robotCode, openConversationId: CARDIO, processQueryKeys: [sent.processQueryKey],
    });
    const changed = await view(CHAN, CARDIO, fresh.cursor);
    expect(changed.messages.map((m) => [m.id, m.recalled])).toEqual([[fresh.messages[0]!.id, true]]);
  });

  it('cards render title, text and buttons, update live, and a press reaches the bot as the picked user', async () => {
    const outTrackId = 'sandbox-chat-test-card';
    await botApi(w.h.sim, 'POST', '/v1.0/card/instances/createAndDeliver', {
      cardTemplateId: 'consultbridge-action.schema', outTrackId, callbackType: 'STREAM',
      openSpaceId: `dtv1.card//IM_GROUP.${CARDIO}`, imGroupOpenDeliverModel: { robotCode: w.h.sim.robotCode },
      cardData: { cardParamMap: { title: 'Burn message', text: 'Open within 5 min', buttons: JSON.stringify([{ label: 'Open 開啟', action: 'burn.open', params: { itemId: 'x1' } }]) } },
    });
    const card = await waitFor(CHAN, CARDIO, (m) => m.card?.outTrackId === outTrackId);
    expect(card.card).toEqual({ outTrackId, title: 'Burn message', text: 'Open within 5 min', buttons: [{ label: 'Open 開啟', action: 'burn.open', params: { itemId: 'x1' } }] });
    await botApi(w.h.sim, 'PUT', '/v1.0/card/instances', { outTrackId, cardData: { cardParamMap: { text: '此訊息已銷毀。', buttons: '[]' } }, cardUpdateOptions: { updateCardDataByKey: true } });
    const burned = (await view(CHAN, CARDIO, card.rev)).messages;
    expect(burned.map((m) => [m.id, m.card?.text, m.card?.buttons.length])).toEqual([[card.id, '此訊息已銷毀。', 0]]);

    const acksBefore = w.h.sim.events.count('ack');
    const press = await w.app.inject({ method: 'POST', url: '/api/sandbox/chat/press', payload: { user: CHAN, outTrackId, params: { action: 'burn.open', itemId: 'x1' } } });
    expect(press.statusCode).toBe(200);
    expect(w.h.sim.events.count('ack')).toBeGreaterThan(acksBefore);
    const noSee = await w.app.inject({ method: 'POST', url: '/api/sandbox/chat/press', payload: { user: HO, outTrackId, params: {} } });
    expect(noSee.statusCode).toBe(403);
    const unknown = await w.app.inject({ method: 'POST', url: '/api/sandbox/chat/press', payload: { user: CHAN, outTrackId: 'nope', params: {} } });
    expect(unknown.statusCode).toBe(404);
  });

  it('a 1:1 card shows only in its recipient\'s bot chat, with that user\'s private values; others cannot press it', async () => {
    const outTrackId = 'sandbox-chat-test-dm-card';
    await botApi(w.h.sim, 'POST', '/v1.0/card/instances/createAndDeliver', {
      cardTemplateId: 'consultbridge-action.schema', outTrackId, callbackType: 'STREAM',
      openSpaceId: `dtv1.card//IM_ROBOT.${LEE}`, imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: w.h.sim.robotCode },
      cardData: { cardParamMap: { title: 'Access request', text: 'public text', buttons: '[]' } },
      privateData: { [LEE]: { cardParamMap: { text: 'only for Lee' } } },
    });
    const card = await waitFor(LEE, 'bot', (m) => m.card?.outTrackId === outTrackId);
    expect(card.card).toMatchObject({ title: 'Access request', text: 'only for Lee', buttons: [] });
    expect((await view(CHAN, 'bot')).messages.some((m) => m.card?.outTrackId === outTrackId)).toBe(false);
    expect((await view(LEE, CARDIO)).messages.some((m) => m.card?.outTrackId === outTrackId)).toBe(false);
    const press = await w.app.inject({ method: 'POST', url: '/api/sandbox/chat/press', payload: { user: CHAN, outTrackId, params: {} } });
    expect(press.statusCode).toBe(403);
  });
});

describe('sandbox chat API (real DingTalk mode)', () => {
  let w: AuthWorld;
  beforeAll(async () => {
    w = await authWorld({ sandbox: false });
  }, 30_000);
  afterAll(async () => w?.close());

  it('is not there at all', async () => {
    const calls = [
      { method: 'GET' as const, url: '/api/sandbox/chat/groups' },
      { method: 'POST' as const, url: '/api/sandbox/chat/groups', payload: { user: CHAN, title: 'x', memberIds: [] } },
      { method: 'GET' as const, url: `/api/sandbox/chat/messages?user=${CHAN}&conversation=bot` },
      { method: 'POST' as const, url: '/api/sandbox/chat/say', payload: { user: CHAN, text: 'hi' } },
      { method: 'POST' as const, url: '/api/sandbox/chat/press', payload: { user: CHAN, outTrackId: 'x', params: {} } },
    ];
    for (const c of calls) expect((await w.app.inject(c)).statusCode, c.url).toBe(404);
    expect(w.h.sim.events.count('frame')).toBe(0);
  });
});
