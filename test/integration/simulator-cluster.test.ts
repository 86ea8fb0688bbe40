import { beforeAll, describe, expect, it } from 'vitest';
import { quietSdkLogs, startDemoSimulator, type Simulator } from '../helpers/sim.js';
import { connectMember, pushedFrames, streamCard, type SimMember } from '../helpers/sim-member.js';

const CHAN = 'qmh-chan-taiman';
const WONG = 'hph-wong-siuming';

/** Robot messages (group and 1:1), events and card presses, in turn; returns once every push is ACKed. */
async function pushMixed(sim: Simulator, group: string, n: number): Promise<void> {
  const acksBefore = sim.events.count('ack');
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    if (kind === 0) sim.say(group, CHAN, `@ConsultBridge ping ${i}`);
    else if (kind === 1) sim.dm(WONG, `whoami ${i}`);
    else if (kind === 2) sim.pushEvent('chat_update_title', { title: `t${i}`, openConversationId: group });
    else await sim.clickCard({ outTrackId: 'cluster-card', userId: WONG, params: { i } });
  }
  await sim.waitFor('ack', acksBefore + n, 10_000);
}

/** Which member (by index) received each pushed frame, in push order; throws on a frame received twice or never. */
function deliveries(sim: Simulator, members: SimMember[]): number[] {
  return pushedFrames(sim).map((f) => {
    const id = f.headers.messageId!;
    const holders = members.flatMap((m, i) => m.received().filter((r) => r === id).map(() => i));
    if (holders.length !== 1) throw new Error(`frame ${id} received ${holders.length} times`);
    expect(f.headers.connectionId).toBe(members[holders[0]!]!.connectionId);
    return holders[0]!;
  });
}

describe('simulator with several Stream connections for one app (a cluster), through the real SDK', () => {
  beforeAll(quietSdkLogs);

  async function twoMembers(seed: number): Promise<{ sim: Simulator; group: string; members: SimMember[] }> {
    const { sim, demo } = await startDemoSimulator({ seed });
    const group = demo.groups.cardiologyConsult;
    const members = [await connectMember(sim), await connectMember(sim)];
    await streamCard(sim, group, 'cluster-card');
    return { sim, group, members };
  }

  it('When two connections are open, then each of 200 pushes (messages, events, card presses) reaches exactly one of them, and both get a share', async () => {
    const { sim, group, members } = await twoMembers(7);
    expect(sim.stats.connections).toBe(2);
    await pushMixed(sim, group, 200);
    const who = deliveries(sim, members);
    expect(who).toHaveLength(200);
    const toFirst = who.filter((i) => i === 0).length;
    expect(toFirst).toBeGreaterThan(60);
    expect(200 - toFirst).toBeGreaterThan(60);
    for (const kind of ['robotFrames', 'events', 'cards'] as const) {
      expect(members[0]![kind].length + members[1]![kind].length).toBe(kind === 'robotFrames' ? 100 : 50);
    }
    expect(sim.acks.size).toBe(200);
    expect(sim.stats.pendingRedeliveries).toBe(0);
  });

  it('When the simulator is given the same seed, then the connections get the same pushes; another seed splits them otherwise', async () => {
    const runs: number[][] = [];
    for (const seed of [11, 11, 12]) {
      const { sim, group, members } = await twoMembers(seed);
      await pushMixed(sim, group, 40);
      runs.push(deliveries(sim, members));
      for (const m of members) m.dispose();
      await sim.close();
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
  });

  it('When one connection closes, then every later push goes to the other; with none open, a push is refused as before', async () => {
    const { sim, group, members } = await twoMembers(3);
    const [gone, staying] = members as [SimMember, SimMember];
    await pushMixed(sim, group, 20);
    const goneBefore = gone.received().length;
    gone.dispose();
    await sim.waitFor('close', 1);
    expect(sim.stats.connections).toBe(1);

    const framesBefore = pushedFrames(sim).length;
    await pushMixed(sim, group, 60);
    const later = pushedFrames(sim).slice(framesBefore);
    expect(later).toHaveLength(60);
    expect(later.every((f) => f.headers.connectionId === staying.connectionId)).toBe(true);
    expect(gone.received()).toHaveLength(goneBefore);
    expect(deliveries(sim, members)).toHaveLength(80);

    staying.dispose();
    await sim.waitFor('close', 2);
    expect(() => sim.say(group, CHAN, '@ConsultBridge ping')).toThrow(/no connected stream client/);
    expect(() => sim.pushEvent('chat_update_title', { title: 'x' })).toThrow(/no connected stream client/);
    await expect(sim.clickCard({ outTrackId: 'cluster-card', userId: WONG, params: {} })).rejects.toThrow(/no connected stream client/);
  });
});
