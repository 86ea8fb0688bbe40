import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { sandboxChatGroups, sandboxChatItems } from '../../src/domain/chat-history/chat-history-tables.js';
import { silentLogger } from '../../src/shared/logger.js';
import { describeHits, newMarker, scanForMarkers } from '../../reliability/marker-scan.js';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';

const CARDIO = 'cidDemoCardiologyQmhHph0001==';
const CHAN = 'qmh-chan-taiman';
const LEE = 'hph-lee-meiling';

interface Msg { id: number; rev: number; from: string; userId?: string; text: string; recalled: boolean; card?: { outTrackId: string; title: string; text: string; buttons: unknown[] } }

/** A service, its simulator and the HTTP app with the sandbox chat, on the data folder `dir`. */
async function boot(dir: string): Promise<{ h: Harness; app: FastifyInstance; close(): Promise<void> }> {
  const h = await startHarness({ dir });
  const app = await buildApp({ logger: silentLogger, probe: { dbOpen: () => true, streamRegistered: () => true }, service: h.service, sandbox: h.sim });
  await app.ready();
  return { h, app, close: async () => (await app.close(), await h.close()) };
}

async function view(app: FastifyInstance, user: string, conversation: string): Promise<Msg[]> {
  const res = await app.inject({ method: 'GET', url: '/api/sandbox/chat/messages', query: { user, conversation } });
  expect(res.statusCode).toBe(200);
  return res.json().messages;
}

/** Sends a card to the group as the bot would (app token, robot code), with stream callbacks. */
async function groupCard(h: Harness, outTrackId: string, title: string): Promise<void> {
  const { sim } = h;
  const tok = await fetch(`${sim.apiBase}/v1.0/oauth2/accessToken`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appKey: sim.clientId, appSecret: sim.clientSecret }),
  }).then((r) => r.json() as Promise<{ accessToken: string }>);
  const res = await fetch(`${sim.apiBase}/v1.0/card/instances/createAndDeliver`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': tok.accessToken },
    body: JSON.stringify({
      cardTemplateId: 'consultbridge-action.schema', outTrackId, callbackType: 'STREAM',
      openSpaceId: `dtv1.card//IM_GROUP.${CARDIO}`, imGroupOpenDeliverModel: { robotCode: sim.robotCode },
      cardData: { cardParamMap: { title, text: 'Open within 5 min', buttons: JSON.stringify([{ label: 'Open', action: 'burn.open', params: { itemId: 'x1' } }]) } },
    }),
  });
  expect(res.status).toBe(200);
}

describe('sandbox chat history across restarts (sandbox mode, same data folder)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-chat-history-'));
  const marker = newMarker('sandboxchat');
  const zhMarker = newMarker('sandboxchat', true);
  const outTrackId = 'sandbox-history-card';
  let before: { dm: Msg[]; group: Msg[]; made: Msg[] };
  let madeGroup: string;
  let second: Awaited<ReturnType<typeof boot>>;

  beforeAll(async () => {
    const first = await boot(dir);
    const say = (payload: object) => first.app.inject({ method: 'POST', url: '/api/sandbox/chat/say', payload });
    expect((await say({ user: CHAN, text: `note ${marker}` })).statusCode).toBe(200);
    expect((await say({ user: CHAN, group: 'cardiologyConsult', text: `@ConsultBridge ping ${zhMarker}` })).statusCode).toBe(200);
    await groupCard(first.h, outTrackId, `Card ${marker}`);
    // A group made in the chat (its title is what the user typed: sealed like the messages).
    const made = await first.app.inject({ method: 'POST', url: '/api/sandbox/chat/groups', payload: { user: CHAN, title: `Ward round ${marker}`, memberIds: [LEE] } });
    expect(made.statusCode).toBe(200);
    madeGroup = (made.json() as { id: string }).id;
    expect((await say({ user: CHAN, group: madeGroup, text: `@ConsultBridge ping` })).statusCode).toBe(200);
    await eventually(async () => {
      const dm = await view(first.app, CHAN, 'bot');
      const group = await view(first.app, CHAN, CARDIO);
      const inMade = await view(first.app, CHAN, madeGroup);
      expect(dm.some((m) => m.from === 'bot')).toBe(true);
      expect(group.filter((m) => m.from === 'bot').length).toBeGreaterThanOrEqual(2);
      expect(inMade.map((m) => m.from)).toEqual(['user', 'bot']);
      before = { dm, group, made: inMade };
      return true;
    });
    // Closing the app waits for the history writes; then the service and the simulator stop.
    await first.close();
    second = await boot(dir);
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When the service starts again on the same data, then each user sees the same chats as before', async () => {
    expect(await view(second.app, CHAN, 'bot')).toEqual(before.dm);
    expect(await view(second.app, CHAN, CARDIO)).toEqual(before.group);
    expect((await view(second.app, CHAN, 'bot')).some((m) => m.text === `note ${marker}`)).toBe(true);
    // Still only for whom it was: another member sees the group, not 陳大文's 1:1 chat.
    expect((await view(second.app, LEE, CARDIO)).map((m) => m.id)).toEqual(before.group.map((m) => m.id));
    expect((await view(second.app, LEE, 'bot')).some((m) => before.dm.some((d) => d.id === m.id))).toBe(false);
  });

  it('When chatting goes on after the restart, then new messages come after the old ones and a stored card can still be pressed', async () => {
    const lastId = Math.max(...before.dm.map((m) => m.id), ...before.group.map((m) => m.id));
    expect((await second.app.inject({ method: 'POST', url: '/api/sandbox/chat/say', payload: { user: CHAN, text: 'ping' } })).statusCode).toBe(200);
    await eventually(async () => {
      const fresh = (await view(second.app, CHAN, 'bot')).filter((m) => m.id > lastId);
      expect(fresh.map((m) => m.from)).toEqual(['user', 'bot']);
      return true;
    });
    const card = (await view(second.app, CHAN, CARDIO)).find((m) => m.card?.outTrackId === outTrackId);
    expect(card?.card?.buttons).toHaveLength(1);
    const press = await second.app.inject({ method: 'POST', url: '/api/sandbox/chat/press', payload: { user: CHAN, outTrackId, params: { action: 'burn.open', itemId: 'x1' } } });
    expect(press.statusCode).toBe(200);
  });

  it('When a group was made in the chat, then after the restart it is there again with its members and messages, and the chat in it goes on', async () => {
    const groups = (await second.app.inject({ method: 'GET', url: '/api/sandbox/chat/groups' })).json() as { groups: { id: string; title: string; memberIds: string[] }[] };
    expect(groups.groups.find((g) => g.id === madeGroup)).toEqual({ id: madeGroup, title: `Ward round ${marker}`, memberIds: [CHAN, LEE] });
    expect(await view(second.app, LEE, madeGroup)).toEqual(before.made);
    expect((await second.app.inject({ method: 'POST', url: '/api/sandbox/chat/say', payload: { user: CHAN, group: madeGroup, text: '@ConsultBridge ping' } })).statusCode).toBe(200);
    await eventually(async () => (await view(second.app, CHAN, madeGroup)).length === 4);
    const rows = second.h.service.db.db.select().from(sandboxChatGroups).all();
    expect(rows.map((r) => r.id)).toEqual([madeGroup]);
    expect(rows[0]!.payload).toMatch(/^v1\.\d+\./);
  });

  it('When the history is on disk, then every row is ciphertext and no message text is in any file of the data folder', async () => {
    const rows = second.h.service.db.db.select().from(sandboxChatItems).all();
    expect(rows.length).toBeGreaterThanOrEqual(before.dm.length + before.group.length);
    for (const r of rows) expect(r.payload).toMatch(/^v1\.\d+\./);
    expect(rows.some((r) => r.payload.includes(marker) || Buffer.from(r.payload.split('.')[3]!, 'base64').toString('latin1').includes(marker))).toBe(false);
    await second.h.service.audit.flush();
    const report = scanForMarkers({ markers: [marker, zhMarker], paths: [dir] });
    expect(report.bytesScanned).toBeGreaterThan(10_000);
    expect(report.hits, describeHits(report.hits)).toEqual([]);
  });
});
