import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROBOT_TOPIC } from '../../src/bot/steps/dedupe.js';
import { eventually } from '../helpers/eventually.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

/** A robot CALLBACK frame as DingTalk sends it, with the message fields a test wants to vary. */
function robotFrame(messageId: string, data: Record<string, unknown>): string {
  const body = {
    msgtype: 'text', conversationType: '2', senderNick: 'x', isInAtList: true, text: { content: ' ping' }, createAt: Date.now(),
    ...data,
  };
  return JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { messageId, topic: ROBOT_TOPIC, time: '1' }, data: JSON.stringify(body) });
}

/** Every robot message we ACK applies exactly once: it is on disk, sealed, before the ACK leaves. */
describe('inbound robot messages: recorded before the ACK, dead-lettered on failure', () => {
  let h: Harness;
  let group: string;
  let other: Database.Database;
  const row = (msgId: string) =>
    other.prepare('select state, payload, owner, lease_until as leaseUntil, attempts, reason from processed_messages where msg_id = ?').get(msgId) as
      | { state: string; payload: string | null; owner: string | null; leaseUntil: number | null; attempts: number; reason: string | null }
      | undefined;
  beforeAll(async () => {
    h = await startHarness();
    group = h.demo.groups.aeHandover;
    // A second connection sees only what was committed.
    other = new Database(join(h.dir, 'cb.db'), { readonly: true });
  });
  afterAll(async () => {
    other?.close();
    await h?.close();
  });

  it('When a robot message arrives, then it is committed (sealed, with owner and lease) before its frame is ACKed', async () => {
    const client = h.service.receiver.client;
    const seenAtAck = new Map<string, ReturnType<typeof row>>();
    const original = client.socketCallBackResponse.bind(client);
    let watched = '';
    client.socketCallBackResponse = (messageId: string, result: unknown) => {
      if (watched) seenAtAck.set(messageId, row(watched));
      return original(messageId, result);
    };
    try {
      const reply = replyAfter(h.sim, { conversationId: group });
      const text = '@ConsultBridge ping durable-marker-7Q';
      const pushed = h.sim.say(group, 'qmh-ho-wingyee', text);
      watched = pushed.msgId;
      await reply;
      const atAck = seenAtAck.get(pushed.frameMessageId);
      expect(atAck, 'row committed when the ACK was sent').toBeDefined();
      expect(atAck!.state).toBe('processing');
      expect(atAck!.owner).toBe(h.service.instanceId);
      expect(atAck!.leaseUntil).toBeGreaterThan(Date.now());
      expect(atAck!.payload).toMatch(/^v1\.\d+\./);
      expect(atAck!.payload).not.toContain('durable-marker');
      expect(Buffer.from(atAck!.payload!.split('.')[3]!, 'base64').toString('latin1')).not.toContain('durable-marker');
      await eventually(() => row(pushed.msgId)?.state === 'done');
      expect(row(pushed.msgId)!.payload).toBeNull();
    } finally {
      client.socketCallBackResponse = original;
    }
  });

  it('When a message fails in its dedupe step (sender id with a NUL byte), then it is dead-lettered with its reason and not retried at restart', async () => {
    const msgId = 'msg-nul-sender-1';
    h.sim.sendRaw(robotFrame('frame-nul-1', { msgId, conversationId: group, senderStaffId: 'qmh-ho\u0000wingyee' }));
    const dead = await eventually(() => (row(msgId)?.state === 'dead' ? row(msgId) : undefined));
    expect(dead.reason).toMatch(/^bot\./);
    expect(dead.payload).toBeNull();
    expect((await eventually(() => h.sim.ackFor('frame-nul-1'))).code).toBe(200);
    await h.restart();
    expect(row(msgId)).toMatchObject({ state: 'dead', attempts: 1 });
    await h.service.audit.flush();
    expect((await h.service.audit.repo.list({ action: 'event.dead', target: msgId })).entries).toHaveLength(1);
  });

  it('When a recorded message keeps killing the process mid-way, then after three starts it is dead-lettered, never retried forever', async () => {
    const msg = {
      msgId: 'msg-poison-restarts', conversationId: group, conversationType: 'group' as const, senderUserId: 'qmh-ho-wingyee',
      senderNick: 'x', isInAtList: true, mentionedUserIds: [], text: ' ping', createdAt: Date.now(),
    };
    await h.service.robot.record(msg);
    // Two more starts that died while processing it (each takes it once more).
    for (let i = 0; i < 3; i++) await h.service.inbox.takeUnfinished({ topic: ROBOT_TOPIC, owner: h.service.instanceId, now: Date.now(), leaseUntil: Date.now() + 1000 });
    await h.restart();
    expect(row(msg.msgId)).toMatchObject({ state: 'dead', reason: 'inbound.attempts_exhausted', payload: null });
  });

  it('When a stored payload does not open (altered, or another row’s), then the message is dead-lettered, not resumed', async () => {
    const a = { msgId: 'msg-swap-a', conversationId: group, conversationType: 'group' as const, senderUserId: 'qmh-ho-wingyee', senderNick: 'x', isInAtList: true, mentionedUserIds: [], text: ' ping', createdAt: Date.now() };
    await h.service.robot.record(a);
    await h.service.robot.record({ ...a, msgId: 'msg-swap-b' });
    const sqlite = h.service.db.sqlite;
    sqlite.prepare("update processed_messages set payload = (select payload from processed_messages where msg_id = 'msg-swap-a') where msg_id = 'msg-swap-b'").run();
    await h.restart();
    expect(row('msg-swap-b')).toMatchObject({ state: 'dead', reason: 'inbound.payload_unreadable' });
    expect(row('msg-swap-a')!.state).toBe('done');
  });

  it('When the record cannot be written, then the frame is not ACKed (the platform re-pushes it) and is counted apart', async () => {
    const stats = h.service.receiver.stats;
    const before = stats.unrecorded;
    const inbox = h.service.inbox;
    const { record, recordMany } = inbox;
    // Both the group commit and its one-by-one fallback fail.
    inbox.record = inbox.recordMany = () => {
      throw new Error('disk full');
    };
    try {
      h.sim.sendRaw(robotFrame('frame-unrecorded-1', { msgId: 'msg-unrecorded-1', conversationId: group, senderStaffId: 'qmh-ho-wingyee' }));
      await eventually(() => stats.unrecorded === before + 1);
    } finally {
      Object.assign(inbox, { record, recordMany });
    }
    expect(h.sim.ackFor('frame-unrecorded-1')).toBeUndefined();
    expect(row('msg-unrecorded-1')).toBeUndefined();
  });

  it('When an event type is not id-shaped (the audit log refuses it), then the event is still finished, not left processing', async () => {
    const { eventId } = h.sim.pushEvent('chat update\u0000title', { chatId: 'x' });
    await eventually(() => row(eventId)?.state === 'done', 5000, 'the event to be finished');
  });
});
