import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventAck, TOPIC_CARD, type DWClientDownStream } from 'dingtalk-stream';
import {
  appToken,
  connectSdk,
  quietSdkLogs,
  rawHttp,
  startDemoSimulator,
  type Simulator,
} from '../helpers/sim.js';

const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';

async function register(sim: Simulator): Promise<{ endpoint: string; ticket: string }> {
  const r = await rawHttp().post(
    `${sim.apiBase}/v1.0/gateway/connections/open`,
    { clientId: sim.clientId, clientSecret: sim.clientSecret, subscriptions: [{ type: 'EVENT', topic: '*' }] },
    { headers: { Accept: 'application/json' } },
  );
  expect(r.status).toBe(200);
  return r.data as { endpoint: string; ticket: string };
}

/** Opens a plain WebSocket; resolves with the socket, or with the HTTP status when refused. */
function openWs(url: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  });
}

describe('simulator stream lifecycle: tickets, reconnects, events, cards', () => {
  let sim: Simulator;
  beforeAll(quietSdkLogs);

  it('When a ticket is used twice or the credentials are wrong, then the gateway and socket refuse', async () => {
    ({ sim } = await startDemoSimulator());
    const bad = await rawHttp().post(
      `${sim.apiBase}/v1.0/gateway/connections/open`,
      { clientId: sim.clientId, clientSecret: 'wrong', subscriptions: [] },
      { headers: { Accept: 'application/json' } },
    );
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ code: 'invalidClientIdOrSecret', requestid: expect.any(String) });

    const { endpoint, ticket } = await register(sim);
    expect(endpoint).toBe(`ws://127.0.0.1:${new URL(sim.apiBase).port}/connect`);
    const first = await openWs(`${endpoint}?ticket=${ticket}`);
    expect(first).toBeInstanceOf(WebSocket);
    expect(await openWs(`${endpoint}?ticket=${ticket}`)).toBe(401);
    expect(await openWs(`${endpoint}?ticket=made-up`)).toBe(401);
    (first as WebSocket).close();
  });

  it('When a ticket is older than its lifetime, then the socket is refused', async () => {
    ({ sim } = await startDemoSimulator({ ticketTtlMs: 20 }));
    const { endpoint, ticket } = await register(sim);
    await new Promise((r) => setTimeout(r, 40));
    expect(await openWs(`${endpoint}?ticket=${ticket}`)).toBe(401);
  });

  it('When every socket is cut and the gateway fails twice, then the SDK re-registers and reconnects', async () => {
    ({ sim } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    sim.faults.failGateway(2);
    sim.disconnectAll();
    await sim.waitFor('close', 1);
    await sim.waitFor('connection', 2, 10_000);
    expect(sim.stats.registrations).toBe(2); // two refused registrations are not counted
    expect(sim.stats.calls('/v1.0/gateway/connections/open')).toBe(4);
    expect(sim.stats.connections).toBe(1);
  }, 15_000);

  it('When the server sends a SYSTEM disconnect, then the SDK drops its flags and reconnects after the close', async () => {
    ({ sim } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    sim.sendDisconnectFrame(30);
    await sim.waitFor('close', 1);
    expect(sdk.client.connected).toBe(false);
    await sim.waitFor('connection', 2, 5_000);
    const frames = sim.events.all<{ type: string; headers: { topic: string } }>('frame');
    expect(frames.some((f) => f.type === 'SYSTEM' && f.headers.topic === 'disconnect')).toBe(true);
  });

  it('When an EVENT is pushed, then it carries the event headers and the SDK ACKs with SUCCESS', async () => {
    ({ sim } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const seen: DWClientDownStream[] = [];
    sdk.client.registerAllEventListener((f) => {
      seen.push(f);
      return { status: EventAck.SUCCESS, message: 'ok' };
    });
    const { messageId, eventId } = sim.pushEvent('chat_update_title', { title: 'New title' });
    const [ack] = await sim.waitFor<{ data: unknown }>('ack');
    expect(seen[0]!.headers).toMatchObject({ eventType: 'chat_update_title', eventId, eventCorpId: sim.corpId, messageId });
    expect(typeof seen[0]!.headers.eventBornTime).toBe('string');
    expect(JSON.parse(seen[0]!.data)).toEqual({ title: 'New title' });
    expect(ack!.data).toEqual({ status: 'SUCCESS', message: 'ok' });
  });

  it('When an EVENT is ACKed LATER, then it is pushed again with the same eventId', async () => {
    ({ sim } = await startDemoSimulator({ redeliveryDelayMs: 50, maxRedeliveries: 1 }));
    const sdk = await connectSdk(sim);
    const ids: string[] = [];
    sdk.client.registerAllEventListener((f) => {
      ids.push(f.headers.eventId!);
      return { status: EventAck.LATER };
    });
    const { eventId } = sim.pushEvent('bpms_task_change', { processInstanceId: 'p1' });
    await expect.poll(() => ids.length).toBe(2);
    expect(ids).toEqual([eventId, eventId]);
  });

  it('When a member is added with event:true, then a chat_add_member EVENT reaches the client', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const seen: DWClientDownStream[] = [];
    sdk.client.registerAllEventListener((f) => {
      seen.push(f);
      return { status: EventAck.SUCCESS };
    });
    sim.org.addMember(demo.groups.cardiologyConsult, 'qmh-ho-wingyee', { event: true, operator: CHAN });
    await sim.waitFor('ack');
    expect(seen[0]!.headers.eventType).toBe('chat_add_member');
    expect(JSON.parse(seen[0]!.data)).toMatchObject({
      openConversationId: demo.groups.cardiologyConsult,
      operator: CHAN,
      userId: ['qmh-ho-wingyee'],
    });
    expect(sim.org.groups.get(demo.groups.cardiologyConsult)!.memberIds).toContain('qmh-ho-wingyee');
  });

  it('When a user presses a card button, then the ACK response is returned and applied to the card', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator());
    const sdk = await connectSdk(sim, {
      setup: (client) =>
        client.registerCallbackListener(TOPIC_CARD, (frame: DWClientDownStream) => {
          const content = JSON.parse(JSON.parse(frame.data).content);
          client.socketCallBackResponse(frame.headers.messageId, {
            cardUpdateOptions: { updateCardDataByKey: true },
            cardData: { cardParamMap: { status: content.cardPrivateData.params.action } },
            userPrivateData: { cardParamMap: { mine: 'yes' } },
          });
        }),
    });
    const token = await appToken(sim);
    const created = await rawHttp().post(
      `${sim.apiBase}/v1.0/card/instances/createAndDeliver`,
      {
        cardTemplateId: 'tpl.schema',
        outTrackId: 'card-1',
        callbackType: 'STREAM',
        openSpaceId: `dtv1.card//IM_GROUP.${demo.groups.cardiologyConsult}`,
        cardData: { cardParamMap: { title: 'New report · case C-7KQ2M', status: '' } },
        imGroupOpenDeliverModel: { robotCode: sim.robotCode },
      },
      { headers: { 'x-acs-dingtalk-access-token': token } },
    );
    expect(created.status).toBe(200);
    const response = await sim.clickCard({ outTrackId: 'card-1', userId: WONG, params: { action: 'request' } });
    expect(response).toMatchObject({ cardData: { cardParamMap: { status: 'request' } } });
    expect(sim.cards.get('card-1')!.cardParamMap).toEqual({ title: 'New report · case C-7KQ2M', status: 'request' });
    expect(sim.cards.get('card-1')!.privateData[WONG]).toEqual({ mine: 'yes' });
  });

  it('When a card callback is not answered in time, then clickCard rejects', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator({ cardCallbackTimeoutMs: 100 }));
    const sdk = await connectSdk(sim, { setup: (c) => c.registerCallbackListener(TOPIC_CARD, () => undefined) });
    const token = await appToken(sim);
    await rawHttp().post(
      `${sim.apiBase}/v1.0/card/instances/createAndDeliver`,
      {
        cardTemplateId: 'tpl.schema',
        outTrackId: 'card-2',
        callbackType: 'STREAM',
        openSpaceId: `dtv1.card//IM_GROUP.${demo.groups.cardiologyConsult}`,
        cardData: { cardParamMap: { title: 'x' } },
        imGroupOpenDeliverModel: { robotCode: sim.robotCode },
      },
      { headers: { 'x-acs-dingtalk-access-token': token } },
    );
    await expect(sim.clickCard({ outTrackId: 'card-2', userId: WONG, params: {} })).rejects.toThrow(/within 100 ms/);
  });

  it('When the client that got a message dies before ACKing, then the message is redelivered to the next client', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator({ redeliveryDelayMs: 100 }));
    const crashed = await connectSdk(sim, { ack: false });
    const pushed = sim.say(demo.groups.cardiologyConsult, CHAN, '@ConsultBridge whoami');
    await expect.poll(() => crashed.robotFrames.length).toBe(1);
    crashed.dispose();
    await sim.waitFor('close');
    const next = await connectSdk(sim);
    await sim.waitFor('ack', 1, 3_000);
    expect(JSON.parse(next.robotFrames[0]!.data).msgId).toBe(pushed.msgId);
    expect(sim.ackFor(pushed.frameMessageId)!.connectionId).not.toBe(
      (sim.events.all<{ connectionId: string }>('connection')[0]!).connectionId,
    );
  });

  it('When one connection subscribed only to events, then robot messages go to the one that subscribed to them', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator());
    const { endpoint, ticket } = await register(sim); // EVENT "*" only
    const eventsOnly = (await openWs(`${endpoint}?ticket=${ticket}`)) as WebSocket;
    const strayFrames: string[] = [];
    eventsOnly.on('message', (d) => strayFrames.push(d.toString()));
    const sdk = await connectSdk(sim);
    for (let i = 0; i < 5; i++) sim.say(demo.groups.cardiologyConsult, CHAN, `@ConsultBridge ping ${i}`);
    await sim.waitFor('ack', 5);
    expect(sdk.robotFrames).toHaveLength(5);
    expect(strayFrames).toEqual([]);
    eventsOnly.close();
  });

  it('When a raw frame is sent, then a plain socket receives exactly that text', async () => {
    ({ sim } = await startDemoSimulator());
    const { endpoint, ticket } = await register(sim);
    const ws = (await openWs(`${endpoint}?ticket=${ticket}`)) as WebSocket;
    await sim.waitFor('connection');
    const got = new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
    sim.sendRaw('{not json');
    expect(await got).toBe('{not json');
    ws.close();
  });
});
