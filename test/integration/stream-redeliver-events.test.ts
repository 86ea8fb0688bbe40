import { beforeAll, describe, expect, it } from 'vitest';
import { EventAck } from 'dingtalk-stream';
import { eventually } from '../helpers/eventually.js';
import { connectSdk, quietSdkLogs, startDemoSimulator, type Simulator } from '../helpers/sim.js';
import { connectMember, pushedFrames, streamCard, type SimMember } from '../helpers/sim-member.js';

const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';

interface AfterAck {
  messageId: string;
  eventId: string;
  afterAck?: boolean;
  connectionId: string;
}
const repeats = (sim: Simulator): AfterAck[] => sim.events.all<AfterAck>('redelivery').filter((r) => r.afterAck);

/** Waits until every frame pushed so far is ACKed and no repeat is still due. */
async function settled(sim: Simulator): Promise<void> {
  await eventually(() => sim.stats.pendingRedeliveries === 0 && sim.events.count('ack') === pushedFrames(sim).length, 10_000, 'every frame ACKed');
}

const eventIdsOf = (m: SimMember): string[] => m.events.map((f) => f.headers.eventId!);

describe('events pushed again after a correct ACK, as DingTalk may (dingtalk-api.md §1.6, §13)', () => {
  beforeAll(quietSdkLogs);

  it('When redeliverEventsAfterAck is 1, then every ACKed event comes exactly once more, sometimes to the other connection; robot messages and card presses never do', async () => {
    const { sim, demo } = await startDemoSimulator({ seed: 5, redeliverEventsAfterAck: 1 });
    const group = demo.groups.cardiologyConsult;
    const members = [await connectMember(sim), await connectMember(sim)];
    await streamCard(sim, group, 'again-card');
    const pushed: Array<{ eventId: string; messageId: string }> = [];
    for (let i = 0; i < 40; i++) pushed.push(sim.pushEvent('chat_update_title', { title: `t${i}` }));
    for (let i = 0; i < 20; i++) sim.say(group, CHAN, `@ConsultBridge ping ${i}`);
    for (let i = 0; i < 10; i++) await sim.clickCard({ outTrackId: 'again-card', userId: WONG, params: { i } });
    await settled(sim);

    const all = members.flatMap(eventIdsOf);
    expect(all).toHaveLength(80);
    for (const { eventId } of pushed) expect(all.filter((id) => id === eventId)).toHaveLength(2);
    expect(members[0]!.robotFrames.length + members[1]!.robotFrames.length).toBe(20);
    expect(members[0]!.cards.length + members[1]!.cards.length).toBe(10);
    const again = repeats(sim);
    expect(again).toHaveLength(40);
    const firstTo = new Map(pushedFrames(sim).slice(0, 40).map((f) => [f.headers.eventId!, f.headers.connectionId!]));
    const moved = again.filter((r) => r.connectionId !== firstTo.get(r.eventId)).length;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(40);
    // A repeat is a new frame (fresh messageId) carrying the same event, and it was ACKed too.
    for (const r of again) {
      expect(pushed.some((p) => p.messageId === r.messageId)).toBe(false);
      expect(sim.ackFor(r.messageId)).toMatchObject({ code: 200, data: { status: 'SUCCESS' } });
    }
  });

  it('When the switch is off (the default), no ACKed event comes again; turned on at a share, about that share does; turned off, none', async () => {
    const { sim } = await startDemoSimulator({ seed: 9 });
    await connectMember(sim);
    await connectMember(sim);
    for (let i = 0; i < 10; i++) sim.pushEvent('chat_update_title', { title: `off ${i}` });
    await settled(sim);
    expect(repeats(sim)).toHaveLength(0);

    sim.faults.redeliverEventsAfterAck(0.5);
    for (let i = 0; i < 60; i++) sim.pushEvent('chat_update_title', { title: `half ${i}` });
    await settled(sim);
    const half = repeats(sim).length;
    expect(half).toBeGreaterThan(15);
    expect(half).toBeLessThan(45);

    sim.faults.redeliverEventsAfterAck(0);
    for (let i = 0; i < 10; i++) sim.pushEvent('chat_update_title', { title: `off again ${i}` });
    await settled(sim);
    expect(repeats(sim)).toHaveLength(half);
  });

  it('When an event is ACKed LATER ("failed, push again"), then it comes again by the ordinary retry, not as a repeat after a correct ACK', async () => {
    const { sim } = await startDemoSimulator({ redeliveryDelayMs: 30, maxRedeliveries: 1, redeliverEventsAfterAck: 1 });
    const sdk = await connectSdk(sim, { setup: (c) => c.registerAllEventListener(() => ({ status: EventAck.LATER })) });
    const { eventId } = sim.pushEvent('chat_update_title', { title: 'later' });
    await sim.waitFor('redelivery', 1);
    await sim.waitFor('ack', 2);
    expect(sim.stats.pendingRedeliveries).toBe(0);
    expect(repeats(sim)).toHaveLength(0);
    expect(sim.events.all<{ headers: Record<string, string> }>('frame').map((f) => f.headers.eventId)).toEqual([eventId, eventId]);
    sdk.dispose();
  });

  it('When a test calls sim.redeliverEvent(eventId), then the same event arrives again under a new frame messageId; an unknown id or no connection is refused', async () => {
    const { sim } = await startDemoSimulator();
    const member = await connectMember(sim);
    const first = sim.pushEvent('chat_remove_member', { openConversationId: 'cid-x', userId: [WONG] });
    await sim.waitFor('ack', 1);
    const messageId = sim.redeliverEvent(first.eventId);
    await sim.waitFor('ack', 2);
    expect(messageId).not.toBe(first.messageId);
    const [a, b] = member.events;
    expect(b!.headers).toMatchObject({ eventId: first.eventId, eventType: 'chat_remove_member', messageId });
    expect(b!.headers.eventBornTime).toBe(a!.headers.eventBornTime);
    expect(b!.data).toBe(a!.data);
    expect(() => sim.redeliverEvent('no-such-event')).toThrow(/unknown eventId/);
    member.dispose();
    await sim.waitFor('close', 1);
    expect(() => sim.redeliverEvent(first.eventId)).toThrow(/no connected stream client/);
  });
});
