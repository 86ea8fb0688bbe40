import { beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_ROBOT } from 'dingtalk-stream';
import { connectSdk, quietSdkLogs, startDemoSimulator, type Simulator } from '../helpers/sim.js';

const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';

describe('simulator stream side, driven by the real dingtalk-stream SDK', () => {
  let sim: Simulator;
  beforeAll(quietSdkLogs);

  it('When the SDK connects, then the gateway records its subscriptions and the socket is open', async () => {
    ({ sim } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const [reg] = await sim.waitFor<{ clientId: string; subscriptions: unknown[] }>('registration');
    expect(reg!.clientId).toBe(sim.clientId);
    expect(reg!.subscriptions).toEqual(
      expect.arrayContaining([{ type: 'EVENT', topic: '*' }, { type: 'CALLBACK', topic: TOPIC_ROBOT }]),
    );
    expect(sim.stats.registrations).toBe(1);
    expect(sim.stats.connections).toBe(1);
    expect(sdk.client.connected).toBe(true);
  });

  it('When a clinician @-mentions the bot in a group, then the SDK gets the §2 payload and its ACK is recorded', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const group = demo.groups.cardiologyConsult;
    const pushed = sim.say(group, CHAN, '@ConsultBridge share C-7KQ2M @Wong Siu-ming', { atUserIds: [WONG] });
    const [ack] = await sim.waitFor<{ messageId: string }>('ack');

    const frame = sdk.robotFrames[0]!;
    expect(frame.type).toBe('CALLBACK');
    expect(frame.headers).toMatchObject({ topic: TOPIC_ROBOT, messageId: pushed.frameMessageId, contentType: 'application/json' });
    expect(typeof frame.headers.time).toBe('string');
    expect(frame.headers.connectionId).toBeTruthy();
    expect(frame.headers.appId).toBeTruthy();
    expect(typeof frame.data).toBe('string');
    const data = JSON.parse(frame.data);
    expect(data).toMatchObject({
      msgtype: 'text',
      msgId: pushed.msgId,
      conversationId: group,
      conversationType: '2',
      conversationTitle: 'Cardiology consult · QMH/Private',
      senderStaffId: CHAN,
      senderNick: '陳大文',
      robotCode: sim.robotCode,
      isInAtList: true,
      text: { content: ' share C-7KQ2M @Wong Siu-ming' },
    });
    expect(data.atUsers).toEqual([
      { dingtalkId: data.chatbotUserId },
      { dingtalkId: expect.stringMatching(/^\$:LWCP_v1:\$/), staffId: WONG },
    ]);
    expect(data.sessionWebhook).toMatch(new RegExp(`^${sim.oapiBase}/robot/sendBySession\\?session=`));
    expect(data.sessionWebhookExpiredTime - data.createAt).toBe(90 * 60_000);

    expect(ack!.messageId).toBe(pushed.frameMessageId);
    const recorded = sim.ackFor(pushed.frameMessageId)!;
    expect(recorded.code).toBe(200);
    expect(recorded.data).toEqual({ response: null });
    expect(sim.stats.pendingRedeliveries).toBe(0);
  });

  it('When a user writes 1:1, then conversationType is "1" and the text is kept as typed', async () => {
    ({ sim } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const pushed = sim.dm(WONG, 'whoami');
    await sim.waitFor('ack');
    const data = JSON.parse(sdk.robotFrames[0]!.data);
    expect(data).toMatchObject({ msgId: pushed.msgId, conversationType: '1', senderStaffId: WONG, text: { content: 'whoami' } });
    expect(data.conversationTitle).toBeUndefined();
  });

  it('When a robot message is not ACKed, then it is pushed again with the same msgId and messageId until ACKed', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator({ redeliveryDelayMs: 80, maxRedeliveries: 20 }));
    const sdk = await connectSdk(sim, { ack: false });
    const pushed = sim.say(demo.groups.cardiologyConsult, CHAN, '@ConsultBridge whoami');
    await sim.waitFor('redelivery', 1);
    await expect.poll(() => sdk.robotFrames.length).toBeGreaterThanOrEqual(2);
    const frames = sdk.robotFrames.map((f) => ({ id: f.headers.messageId, msgId: JSON.parse(f.data).msgId }));
    for (const f of frames) expect(f).toEqual({ id: pushed.frameMessageId, msgId: pushed.msgId });

    sdk.client.socketCallBackResponse(pushed.frameMessageId, null);
    await sim.waitFor('ack');
    expect(sim.stats.pendingRedeliveries).toBe(0);
    // At most a frame already on the wire arrives after the ACK; unacked, 20 more would follow 80 ms apart.
    const atAck = sdk.robotFrames.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(sdk.robotFrames.length - atAck).toBeLessThanOrEqual(1);
    expect(sdk.robotFrames.length).toBeLessThan(21);
  });

  it('When redeliverWithNewMessageId is set, then a retry carries a new frame messageId but the same data.msgId', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator({ redeliveryDelayMs: 50, maxRedeliveries: 1, redeliverWithNewMessageId: true }));
    const sdk = await connectSdk(sim, { ack: false });
    const pushed = sim.say(demo.groups.aeHandover, WONG, '@ConsultBridge receipts C-9PX4A');
    await expect.poll(() => sdk.robotFrames.length).toBe(2);
    const retry = sdk.robotFrames[1]!;
    expect(retry.headers.messageId).not.toBe(pushed.frameMessageId);
    expect(JSON.parse(retry.data).msgId).toBe(pushed.msgId);
  });

  it('When a message is replayed, then the same data arrives under a new frame messageId', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const pushed = sim.say(demo.groups.cardiologyConsult, CHAN, '@ConsultBridge whoami');
    const again = sim.replay(pushed.msgId);
    await sim.waitFor('ack', 2);
    expect(again.frameMessageId).not.toBe(pushed.frameMessageId);
    expect(sdk.robotFrames.map((f) => f.data)).toEqual([sdk.robotFrames[0]!.data, sdk.robotFrames[0]!.data]);
  });

  it('When the server pings, then the SDK echoes the opaque data and the echo is not counted as an ACK', async () => {
    ({ sim } = await startDemoSimulator());
    const sdk = await connectSdk(sim);
    const [echo] = await sim.ping();
    const ping = sim.events.all<{ type: string; headers: Record<string, string> }>('frame').at(-1)!;
    expect(ping.type).toBe('SYSTEM');
    expect(ping.headers).toMatchObject({ topic: 'ping', contentType: 'application/json', time: expect.any(String) });
    expect(echo!.messageId).toBe(ping.headers.messageId);
    expect(echo!.code).toBe(200);
    expect(echo!.data).toEqual({ opaque: expect.any(String) });
    expect(sim.events.count('ack')).toBe(0);
  });

  it('When pings are scheduled, then they arrive on the configured interval', async () => {
    ({ sim } = await startDemoSimulator({ pingIntervalMs: 40 }));
    const sdk = await connectSdk(sim);
    const echoes = await sim.waitFor('pong', 2);
    expect(echoes).toHaveLength(2);
  });

  it('When a group message targets a non-member or nobody is connected, then say() refuses', async () => {
    let demo;
    ({ sim, demo } = await startDemoSimulator());
    expect(() => sim.say(demo.groups.cardiologyConsult, CHAN, 'hi')).toThrow(/no connected stream client/);
    const sdk = await connectSdk(sim);
    expect(() => sim.say(demo.groups.cardiologyConsult, 'qmh-ho-wingyee', 'hi')).toThrow(/not in group/);
  });
});
