import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_TOPIC } from '../../src/bot/steps/dedupe.js';
import type { BotMessage } from '../../src/dingtalk/bot-message.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Never lose, never double-apply: redelivery, replay, restarts, outages, bad frames, reconnects. */
describe('stream and delivery reliability', () => {
  let h: Harness;
  let group: string;
  const sentTo = (conversationId: string) => h.sim.sent.filter((s) => s.conversationId === conversationId).length;
  beforeAll(async () => {
    h = await startHarness();
    group = h.demo.groups.aeHandover;
  });
  afterAll(async () => h?.close());

  it('registers through the configured API base and fetches SDK tokens from the configured OAPI base', async () => {
    expect(h.sim.stats.registrations).toBeGreaterThanOrEqual(1);
    const before = h.sim.stats.tokensIssued;
    const token = await h.service.receiver.client.getAccessToken();
    expect(typeof token).toBe('string');
    expect(h.sim.stats.tokensIssued).toBe(before + 1);
  });

  it('When the same msgId is replayed, then it applies once — also after a restart', async () => {
    const first = replyAfter(h.sim, { conversationId: group });
    const { msgId } = h.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping');
    await first;
    const count = sentTo(group);
    h.sim.replay(msgId);
    h.sim.replay(msgId);
    await sleep(300);
    expect(sentTo(group)).toBe(count);
    await h.restart();
    h.sim.replay(msgId);
    await sleep(300);
    expect(sentTo(group)).toBe(count);
    await h.service.audit.flush();
    const dupes = (await h.service.audit.repo.list({ action: 'event.duplicate', target: msgId })).entries;
    expect(dupes.length).toBe(3);
  });

  it('When a message was ACKed but not finished before a stop, then the next start finishes it', async () => {
    const msg: BotMessage = {
      msgId: 'msg-unfinished-1', conversationId: group, conversationType: 'group', senderUserId: 'qmh-ho-wingyee',
      senderNick: '何詠儀', isInAtList: true, mentionedUserIds: [], text: ' ping', createdAt: Date.now(),
    };
    await h.service.robot.record(msg);
    const reply = replyAfter(h.sim, { conversationId: group });
    await h.restart();
    expect((await reply).text).toContain('在線');
  });

  it('When DingTalk is down, then replies wait in the outbox and each arrives once after recovery', async () => {
    const before = sentTo(group);
    h.sim.faults.down(true);
    for (let i = 0; i < 3; i++) h.sim.say(group, 'qmh-cheung-meiwah', '@ConsultBridge ping');
    await sleep(400);
    expect(sentTo(group)).toBe(before);
    expect((await h.service.outbox.counts()).pending).toBeGreaterThanOrEqual(3);
    h.sim.faults.down(false);
    // Retries are spread by backoff: wait (bounded) for all three, then make sure no fourth follows.
    for (let i = 0; i < 100 && sentTo(group) < before + 3; i++) await sleep(50);
    await sleep(300);
    expect(sentTo(group)).toBe(before + 3);
    expect((await h.service.outbox.counts()).pending ?? 0).toBe(0);
  });

  it('When the access token is invalidated, then the client fetches a new one and the call succeeds', async () => {
    await h.service.api.getUser('qmh-ho-wingyee');
    const before = h.sim.stats.tokensIssued;
    h.sim.expireTokens();
    const user = await h.service.api.getUser('qmh-ho-wingyee');
    expect(user.name).toBe('何詠儀');
    expect(h.sim.stats.tokensIssued).toBe(before + 1);
  });

  it('When a QPS limit answers first, then the call is retried and delivered', async () => {
    const calls = h.sim.stats.calls('/v1.0/robot/oToMessages/batchSend');
    h.sim.faults.qpsLimit('/v1.0/robot/oToMessages/batchSend', 1);
    const warn = replyAfter(h.sim, { userId: 'qmh-cheung-meiwah', via: 'oto' });
    h.sim.say(group, 'qmh-cheung-meiwah', '@ConsultBridge ping A123456(3)');
    const r = await warn;
    expect(r.text).toContain('patient identifiers');
    expect(h.sim.stats.calls('/v1.0/robot/oToMessages/batchSend')).toBe(calls + 2);
  });

  it('When 20 malformed frames arrive, then each is acked or dropped without a crash, and the bot still answers', async () => {
    const id = (n: number) => `bad-frame-${n}`;
    const cb = (n: number, data: string, topic = ROBOT_TOPIC) =>
      JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { messageId: id(n), topic, time: '1' }, data });
    const frames = [
      '{not json', '', 'null', '[]', '"text"', JSON.stringify({ type: 'CALLBACK' }),
      JSON.stringify({ type: 'WHATEVER', headers: { messageId: id(6) } }),
      cb(7, '{broken'), cb(8, '{}'), cb(9, JSON.stringify({ msgtype: 'text' })), cb(10, 'null'),
      cb(11, JSON.stringify({ msgtype: 'text', msgId: 'x', conversationId: 'c', conversationType: '9', senderStaffId: 'u' })),
      cb(12, '{}', '/v1.0/unknown/topic'), cb(13, '{}', '/v1.0/card/instances/callback'),
      JSON.stringify({ type: 'EVENT', headers: { messageId: id(14) }, data: '{}' }),
      JSON.stringify({ type: 'EVENT', headers: { messageId: id(15), eventId: 'e', eventType: 't' }, data: 'nope' }),
      JSON.stringify({ type: 'SYSTEM', headers: { messageId: id(16), topic: 'mystery' }, data: '{}' }),
      `{"type":"CALLBACK","headers":{"messageId":"${id(17)}"`, cb(18, JSON.stringify({ msgId: 5 })), cb(19, '7'),
    ];
    expect(frames).toHaveLength(20);
    for (const f of frames) h.sim.sendRaw(f);
    await sleep(300);
    for (const n of [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19]) expect(h.sim.ackFor(id(n)), `frame ${n}`).toBeDefined();
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping');
    expect((await reply).text).toContain('在線');
    await h.service.audit.flush();
    expect((await h.service.audit.repo.list({ action: 'event.malformed' }, { limit: 50 })).entries.length).toBeGreaterThanOrEqual(15);
  });

  it('When the platform drops the connection and the gateway fails, then it reconnects with growing backoff', async () => {
    const sup = h.service.receiver.supervisor;
    const opened = h.sim.stats.connectionsOpened;
    const delaysBefore = sup.delays.length;
    h.sim.faults.failGateway(3);
    h.sim.disconnectAll();
    await h.sim.waitFor('connection', opened + 1, 5000);
    const delays = sup.delays.slice(delaysBefore);
    expect(delays.length).toBe(4);
    // Ceilings double (20, 40, 80, 160 ms), each delay in [ceiling/2, ceiling].
    delays.forEach((d, i) => {
      const ceiling = Math.min(200, 20 * 2 ** i);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    });
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping');
    expect((await reply).text).toContain('在線');
    expect(h.sim.stats.connections).toBe(1);
  });

  it('When an outbound payload carries an HKID, then the guard blocks it and nothing reaches DingTalk or the logs', async () => {
    const calls = h.sim.stats.calls('/v1.0/robot/groupMessages/send');
    await expect(
      h.service.api.sendGroup({ openConversationId: group, msgKey: 'sampleText', msgParam: { content: 'pt Z683365(A)' } }),
    ).rejects.toMatchObject({ code: 'phi.blocked' });
    expect(h.sim.stats.calls('/v1.0/robot/groupMessages/send')).toBe(calls);
    await h.service.audit.flush();
    expect((await h.service.audit.repo.list({ action: 'outbound.blocked' })).entries.length).toBeGreaterThanOrEqual(1);
  });

  it('When a group message contains an HKID, then the sender is warned 1:1, the group hears nothing, and the number is nowhere', async () => {
    const before = sentTo(group);
    const warn = replyAfter(h.sim, { userId: 'qmh-ho-wingyee', via: 'oto' });
    h.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge help patient c668668(9) bed 3');
    const r = await warn;
    expect(r.text).toContain('病人身份資料');
    await sleep(200);
    expect(sentTo(group)).toBe(before);
    for (const s of h.sim.sent) expect(JSON.stringify(s.raw)).not.toMatch(/668668/);
    expect(h.logs()).not.toMatch(/668668|683365/);
  });
});
