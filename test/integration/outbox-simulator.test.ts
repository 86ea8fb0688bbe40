import { describe, expect, it } from 'vitest';
import { createDingTalkApi } from '../../src/dingtalk/openapi/index.js';
import { createOutboxHandlers, type OutboxIntent } from '../../src/dingtalk/outbox-handlers.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { outboxFixture } from '../helpers/outbox.js';
import { startDemoSimulator, type Simulator } from '../helpers/sim.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * The real client and worker against the local DingTalk simulator (127.0.0.1): a check that our
 * wire formats are the ones the simulator (built from the reference sheet) accepts.
 */
function clientFor(sim: Simulator, clock: ManualClock) {
  return createDingTalkApi({
    apiBase: sim.apiBase,
    oapiBase: sim.oapiBase,
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    robotCode: sim.robotCode,
    clock,
    logger: silentLogger,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    timeoutMs: 2000,
  });
}

describe('outbox against the DingTalk simulator', () => {
  it('when intents of each kind are drained, then the simulator records them, surviving an outage', async () => {
    const { sim, demo } = await startDemoSimulator();
    const db = tempDb();
    try {
      const clock = new ManualClock();
      const api = clientFor(sim, clock);
      const { outbox, worker, repo } = outboxFixture<OutboxIntent>(db, { handlers: createOutboxHandlers(api, { clock }) }, clock);
      const groupId = Object.values(demo.groups)[0]!;
      const [u1, u2] = demo.userIds as [string, string];

      await outbox.enqueue({ idemKey: 'g1', kind: 'group.send', payload: { openConversationId: groupId, msgKey: 'sampleText', msgParam: { content: 'Case C-7KQ2M shared' } } });
      await outbox.enqueue({ idemKey: 'o1', kind: 'oto.send', payload: { userIds: [u1, u2], msgKey: 'sampleMarkdown', msgParam: { title: 'T', text: 'You have access' } } });
      await outbox.enqueue({
        idemKey: 'card-1',
        kind: 'card.deliver',
        payload: { cardTemplateId: 'consult.schema', target: { type: 'group', openConversationId: groupId }, cardParamMap: { title: 'Consult', pending: true } },
      });

      sim.faults.down(true);
      await worker.drainOnce();
      expect(await outbox.counts()).toEqual({ pending: 3, sent: 0, dead: 0, discarded: 0 });
      sim.faults.down(false);
      clock.advance(10_000);
      await worker.drainOnce();
      expect(await outbox.counts()).toEqual({ pending: 0, sent: 3, dead: 0, discarded: 0 });

      await outbox.enqueue({ idemKey: 'card-1:u', kind: 'card.update', payload: { outTrackId: 'card-1', cardParamMap: { pending: false } } });
      const pqk = (JSON.parse((await repo.findByIdemKey('g1'))!.result!) as { processQueryKey: string }).processQueryKey;
      await outbox.enqueue({ idemKey: 'g1:recall', kind: 'group.recall', payload: { openConversationId: groupId, processQueryKeys: [pqk] } });
      await worker.drainOnce();
      expect(await outbox.counts()).toEqual({ pending: 0, sent: 5, dead: 0, discarded: 0 });

      const vias = sim.sent.map((s) => s.via);
      expect(vias).toEqual(expect.arrayContaining(['group', 'oto', 'card', 'cardUpdate']));
      expect(sim.sent.filter((s) => s.via === 'group')).toHaveLength(1);
      expect(sim.sent.find((s) => s.via === 'card')).toMatchObject({ outTrackId: 'card-1' });
      expect(sim.sent.find((s) => s.processQueryKey === pqk)).toMatchObject({ recalled: true });
      expect(sim.stats.tokensIssued).toBe(1);
    } finally {
      db.cleanup();
    }
  });

  it('when the simulator revokes tokens, then the client refreshes once and user look-ups still work', async () => {
    const { sim, demo } = await startDemoSimulator();
    const clock = new ManualClock();
    const api = clientFor(sim, clock);
    const u1 = demo.userIds[0]!;
    const before = await api.getUser(u1);
    expect(before.userId).toBe(u1);
    expect(before.name).not.toBe('');
    sim.expireTokens();
    await expect(api.getUser(u1)).resolves.toMatchObject({ userId: u1, name: before.name });
    const code = sim.issueAuthCode(u1);
    await expect(api.getUserInfoByAuthCode(code)).resolves.toMatchObject({ userId: u1 });
    expect(sim.stats.tokensIssued).toBe(2);
  });

  it('when a scene group is created twice under one idemKey (a crash resend), then one group exists and members change', async () => {
    const { sim, demo } = await startDemoSimulator();
    const clock = new ManualClock();
    const handlers = createOutboxHandlers(clientFor(sim, clock), { clock });
    const [owner, member, extra] = demo.userIds as [string, string, string];
    const payload = { title: 'C-7KQ2M consult', templateId: 'tpl-1', ownerUserId: owner, userIds: [member] };
    const ctx = { idemKey: 'scene:C-7KQ2M', attempt: 1 };
    const first = (await handlers['scene.create'](payload, ctx)) as { openConversationId: string; chatId: string };
    const again = (await handlers['scene.create'](payload, { ...ctx, attempt: 2 })) as typeof first;
    expect(again).toEqual(first);
    expect(first.openConversationId).not.toBe('');
    await handlers['scene.add_members']({ openConversationId: first.openConversationId, userIds: [extra] }, ctx);
    expect(sim.org.groups.get(first.openConversationId)!.memberIds).toEqual(expect.arrayContaining([owner, member, extra]));
    await handlers['scene.remove_members']({ openConversationId: first.openConversationId, userIds: [member] }, ctx);
    expect(sim.org.groups.get(first.openConversationId)!.memberIds).not.toContain(member);
  });
});
