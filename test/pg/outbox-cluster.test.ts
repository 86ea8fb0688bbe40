import { describe, expect, it } from 'vitest';
import { createPgOutboxRepository } from '../../src/domain/outbox/outbox-repository-pg.js';
import type { OutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { createOutboxWorker } from '../../src/domain/outbox/outbox-worker.js';
import { ManualClock, systemClock, type Clock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { usePgInstances } from '../helpers/pg-instances.js';
import { pgAvailable } from '../helpers/pg-test-db.js';

interface Send {
  by: string;
  conversation: string;
  seq: number;
  idemKey: string;
}

/**
 * A fake DingTalk: records every send and whether two sends of one conversation were ever in flight
 * at once. Each send takes a few milliseconds, so sends of both instances overlap in time.
 */
function fakeDingTalk() {
  const sends: Send[] = [];
  const inFlight = new Map<string, number>();
  let overlaps = 0;
  const handler = (by: string) => async (payload: { openConversationId: string; seq: number }, ctx: { idemKey: string }) => {
    const c = payload.openConversationId;
    inFlight.set(c, (inFlight.get(c) ?? 0) + 1);
    if (inFlight.get(c)! > 1) overlaps++;
    await new Promise((r) => setTimeout(r, 1 + (payload.seq % 4))); // a send's round trip, 1–4 ms
    sends.push({ by, conversation: c, seq: payload.seq, idemKey: ctx.idemKey });
    inFlight.set(c, inFlight.get(c)! - 1);
    return { ok: true };
  };
  return { sends, handler, overlaps: () => overlaps };
}

const worker = (repo: OutboxRepository, owner: string, handler: ReturnType<typeof fakeDingTalk>['handler'], clock: Clock = systemClock) =>
  createOutboxWorker({ repo, owner, clock, logger: silentLogger, handlers: { 'group.send': handler(owner) }, maxAttempts: 5, backoff: { baseMs: 10, maxMs: 50 }, pollMs: 5, batchSize: 8, leaseMs: 60_000 });

/** Each conversation's sends in the order they completed, as sequence numbers. */
function orderPerConversation(sends: Send[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of sends) out.set(s.conversation, [...(out.get(s.conversation) ?? []), s.seq]);
  return out;
}

async function enqueue(repo: OutboxRepository, prefix: string, conversations: number, perConversation: number, now: number): Promise<string[]> {
  const keys: string[] = [];
  // Interleaved, as intents of many chats arrive: c0#0, c1#0, …, c0#1, c1#1, …
  for (let seq = 0; seq < perConversation; seq++) {
    for (let c = 0; c < conversations; c++) {
      const idemKey = `${prefix}-c${c}-${seq}`;
      await repo.insertPending({ idemKey, kind: 'group.send', payload: JSON.stringify({ openConversationId: `${prefix}-c${c}`, seq }), now });
      keys.push(idemKey);
    }
  }
  return keys;
}

describe.skipIf(!pgAvailable())('outbox drained by two instances [postgres]', () => {
  const instances = usePgInstances(2, 'outbox_cluster', 6);
  const repos = (): [OutboxRepository, OutboxRepository] => {
    const [a, b] = instances.stores();
    return [createPgOutboxRepository(a!), createPgOutboxRepository(b!)];
  };

  it('two drainers: every intent sent exactly once, each conversation in order, never two of one in flight', async () => {
    const [a, b] = repos();
    const keys = await enqueue(a, 'run', 12, 30, systemClock.now());
    const dingtalk = fakeDingTalk();
    const [wa, wb] = [worker(a, 'a', dingtalk.handler), worker(b, 'b', dingtalk.handler)];
    for (let round = 0; round < 200 && (await a.countPending()) > 0; round++) await Promise.all([wa.drainOnce(), wb.drainOnce()]);
    expect(await a.countPending()).toBe(0);
    expect(dingtalk.sends.map((s) => s.idemKey).sort()).toEqual([...keys].sort());
    expect(dingtalk.overlaps()).toBe(0);
    for (const [conversation, seqs] of orderPerConversation(dingtalk.sends)) expect(seqs, conversation).toEqual([...Array(30).keys()]);
    // Both instances did real work: the claims interleaved rather than one instance draining alone.
    expect(new Set(dingtalk.sends.map((s) => s.by))).toEqual(new Set(['a', 'b']));
  });

  it('a drainer that dies mid-send: its rows wait out the lease, then the other takes them over (at most one repeat each), order kept', async () => {
    const [a, b] = repos();
    const clock = new ManualClock(systemClock.now());
    const keys = await enqueue(a, 'crash', 8, 10, clock.now());
    // Instance b claims the heads of four conversations and sends them (they reach DingTalk), then dies before marking any sent.
    const held = await b.claimDue({ now: clock.now(), afterId: 0, limit: 4, leaseUntil: clock.now() + 60_000, owner: 'b' });
    const conversationOf = (payload: string) => (JSON.parse(payload) as { openConversationId: string }).openConversationId;
    expect(held.map((r) => JSON.parse(r.payload).seq)).toEqual([0, 0, 0, 0]);
    const sentByDead = held.map((r) => r.idemKey);
    const heldConversations = new Set(held.map((r) => conversationOf(r.payload)));
    const dingtalk = fakeDingTalk();
    const wa = worker(a, 'a', dingtalk.handler, clock);
    // While b's lease runs, a sends the other conversations in full and nothing of the four b holds.
    for (let round = 0; round < 20 && dingtalk.sends.length < 40; round++) await wa.drainOnce();
    expect(new Set(dingtalk.sends.map((s) => s.conversation)).size).toBe(4);
    expect(dingtalk.sends.filter((s) => heldConversations.has(s.conversation))).toEqual([]);
    await wa.drainOnce();
    expect(dingtalk.sends).toHaveLength(40);
    clock.advance(60_000);
    for (let round = 0; round < 50 && (await a.countPending()) > 0; round++) await wa.drainOnce();
    expect(await a.countPending()).toBe(0);
    const sentByA = dingtalk.sends.map((s) => s.idemKey);
    expect(new Set(sentByA).size).toBe(sentByA.length);
    expect([...new Set([...sentByA, ...sentByDead])].sort()).toEqual([...keys].sort());
    // The repeats are exactly the rows that were in flight in b, each once.
    expect(sentByA.filter((k) => sentByDead.includes(k)).sort()).toEqual([...sentByDead].sort());
    for (const [conversation, seqs] of orderPerConversation(dingtalk.sends)) expect(seqs, conversation).toEqual([...Array(10).keys()]);
    expect(dingtalk.overlaps()).toBe(0);
    expect((await a.findByIdemKey(sentByDead[0]!))?.attempts).toBe(2);
  });
});
