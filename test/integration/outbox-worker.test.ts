import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DingTalkApiError } from '../../src/dingtalk/openapi/index.js';
import { PhiBlockedError } from '../../src/dingtalk/phi-guard.js';
import { classifyFailure } from '../../src/domain/outbox/outbox-worker.js';
import { outboxFixture } from '../helpers/outbox.js';
import { tempDb } from '../helpers/temp-db.js';

let db: ReturnType<typeof tempDb>;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const qps = () => new DingTalkApiError({ code: 'Forbidden.AccessDenied.QpsLimitForApi', kind: 'api', status: 403 });
const bad = () => new DingTalkApiError({ code: 'invalidParameter.msgKey.invalid', kind: 'api', status: 400 });

/** A handler that fails with the given errors in turn, then succeeds; records every call. */
function scripted(failures: Array<() => unknown>) {
  const calls: Array<{ payload: unknown; idemKey: string; attempt: number }> = [];
  let n = 0;
  const handler = async (payload: unknown, ctx: { idemKey: string; attempt: number }) => {
    calls.push({ payload, ...ctx });
    const f = failures[n++];
    if (f) throw f();
    return { processQueryKey: `pqk-${ctx.idemKey}` };
  };
  return { calls, handler };
}

describe('outbox worker', () => {
  it('when a handler fails retryably, then it is retried after the backoff and delivered exactly once', async () => {
    const { calls, handler } = scripted([qps]);
    const { outbox, worker, repo, clock, audit } = outboxFixture(db, { handlers: { 'group.send': handler } });
    const { id } = await outbox.enqueue({ idemKey: 'm1', kind: 'group.send', payload: { n: 1 } });

    expect(await worker.drainOnce()).toBe(1);
    const afterFail = (await repo.findById(id))!;
    expect(afterFail).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Forbidden.AccessDenied.QpsLimitForApi' });
    expect(afterFail.nextAttemptAt).toBe(clock.now() + 1000); // baseMs with random = 1

    expect(await worker.drainOnce()).toBe(0); // not due yet
    clock.advance(1000);
    expect(await worker.drainOnce()).toBe(1);
    clock.advance(60_000);
    expect(await worker.drainOnce()).toBe(0);

    expect(calls.map((c) => c.attempt)).toEqual([1, 2]);
    expect(calls[1]).toMatchObject({ idemKey: 'm1', payload: { n: 1 } });
    expect(await repo.findById(id)).toMatchObject({ status: 'sent', lastError: null, result: JSON.stringify({ processQueryKey: 'pqk-m1' }) });
    expect(audit.entries).toEqual([
      { actor: 'system', action: 'outbound.send', target: 'm1', outcome: 'success', reason: 'group.send' },
    ]);
  });

  it('when a handler fails non-retryably, then the row is dead at once with the code', async () => {
    const { calls, handler } = scripted([bad]);
    const { outbox, worker, repo, audit } = outboxFixture(db, { handlers: { 'group.send': handler } });
    const { id } = await outbox.enqueue({ idemKey: 'm2', kind: 'group.send', payload: {} });
    await worker.drainOnce();
    expect(await repo.findById(id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'invalidParameter.msgKey.invalid' });
    expect(calls).toHaveLength(1);
    expect(audit.entries).toEqual([
      { actor: 'system', action: 'outbound.dead', target: 'm2', outcome: 'failure', reason: 'invalidParameter.msgKey.invalid' },
    ]);
  });

  it('when a handler keeps failing retryably, then the row is dead after maxAttempts with growing delays', async () => {
    const { calls, handler } = scripted([qps, qps, qps, qps]);
    const { outbox, worker, repo, clock } = outboxFixture(db, { handlers: { 'group.send': handler }, maxAttempts: 3 });
    const { id } = await outbox.enqueue({ idemKey: 'm3', kind: 'group.send', payload: {} });
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = clock.now();
      await worker.drainOnce();
      const row = (await repo.findById(id))!;
      if (row.status !== 'pending') break;
      delays.push(row.nextAttemptAt - before);
      clock.set(row.nextAttemptAt);
    }
    expect(delays).toEqual([1000, 2000]);
    expect(calls).toHaveLength(3);
    expect(await repo.findById(id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'Forbidden.AccessDenied.QpsLimitForApi' });
  });

  it('when the PHI guard refuses, or no handler exists, then the row is dead without a retry', async () => {
    const { handler } = scripted([() => new PhiBlockedError('hkid')]);
    const { outbox, worker, repo } = outboxFixture(db, { handlers: { 'group.send': handler } });
    const a = await outbox.enqueue({ idemKey: 'm4', kind: 'group.send', payload: {} });
    const b = await outbox.enqueue({ idemKey: 'm5', kind: 'no.such.kind', payload: {} });
    await worker.drainOnce();
    expect(await repo.findById(a.id)).toMatchObject({ status: 'dead', lastError: 'phi.blocked' });
    expect(await repo.findById(b.id)).toMatchObject({ status: 'dead', lastError: 'outbox.no_handler' });
  });

  it('when drainOnce is called concurrently, then each row is handled once', async () => {
    const seen: string[] = [];
    const handler = async (_p: unknown, ctx: { idemKey: string }) => {
      seen.push(ctx.idemKey);
      await new Promise((r) => setTimeout(r, 5));
      return null;
    };
    const { outbox, worker } = outboxFixture(db, { handlers: { k: handler } });
    for (let i = 0; i < 6; i++) await outbox.enqueue({ idemKey: `c${i}`, kind: 'k', payload: {} });
    await Promise.all([worker.drainOnce(), worker.drainOnce(), worker.drainOnce()]);
    expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('when a claimed row was never finished (process died), then it is picked up once the lease runs out', async () => {
    const { handler, calls } = scripted([]);
    const { outbox, worker, repo, clock } = outboxFixture(db, { handlers: { k: handler }, leaseMs: 30_000 });
    const { id } = await outbox.enqueue({ idemKey: 'lease', kind: 'k', payload: {} });
    await repo.claimDue({ now: clock.now(), afterId: 0, limit: 10, leaseUntil: clock.now() + 30_000 }); // the dead process
    expect(await worker.drainOnce()).toBe(0);
    clock.advance(30_000);
    expect(await worker.drainOnce()).toBe(1);
    expect(calls).toHaveLength(1);
    expect(await repo.findById(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('when started and notified after an enqueue, then the row is sent without waiting for the poll', async () => {
    const { handler, calls } = scripted([]);
    const { outbox, worker, repo } = outboxFixture(db, { handlers: { k: handler }, pollMs: 60_000 });
    worker.start();
    await new Promise((r) => setTimeout(r, 20)); // the first (empty) poll
    const { id } = await outbox.enqueue({ idemKey: 'wake', kind: 'k', payload: {} });
    for (let i = 0; i < 100 && (await repo.findById(id))!.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 5));
    await worker.stop();
    expect((await repo.findById(id))!.status).toBe('sent');
    expect(calls).toHaveLength(1);
  });

  it('when draining at shutdown with a slow handler, then it returns after the timeout with the pending count', async () => {
    const handler = () => new Promise((r) => setTimeout(r, 200));
    const { outbox, worker } = outboxFixture(db, { handlers: { k: handler } });
    // One conversation: its messages go one after another (other conversations would go in parallel).
    for (let i = 0; i < 3; i++) await outbox.enqueue({ idemKey: `s${i}`, kind: 'k', payload: { conversationId: 'c1' } });
    const res = await worker.drain(50);
    expect(res).toEqual({ pending: 3, timedOut: true });
    await worker.stop(); // waits for the row in flight, then leaves the rest for the next run
    expect(await outbox.counts()).toEqual({ pending: 2, sent: 1, dead: 0, discarded: 0 });
  });

  it('when rows belong to different conversations, then they are sent in parallel; one conversation keeps its order', async () => {
    const order: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const handler = async (p: { conversationId: string; n: number }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      order.push(`${p.conversationId}:${p.n}`);
      inFlight--;
    };
    const { outbox, worker } = outboxFixture(db, { handlers: { k: handler } });
    for (let n = 0; n < 3; n++) for (const c of ['a', 'b', 'c']) await outbox.enqueue({ idemKey: `lane-${c}-${n}`, kind: 'k', payload: { conversationId: c, n } });
    await worker.drainOnce();
    expect(maxInFlight).toBe(3);
    for (const c of ['a', 'b', 'c']) expect(order.filter((o) => o.startsWith(c))).toEqual([`${c}:0`, `${c}:1`, `${c}:2`]);
  });

  it('when draining with fast handlers, then everything due is sent', async () => {
    const { handler } = scripted([]);
    const { outbox, worker } = outboxFixture(db, { handlers: { k: handler } });
    for (let i = 0; i < 45; i++) await outbox.enqueue({ idemKey: `d${i}`, kind: 'k', payload: {} });
    await expect(worker.drain(5000)).resolves.toEqual({ pending: 0, timedOut: false });
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 45, dead: 0, discarded: 0 });
  });
});

describe('classifyFailure', () => {
  it('believes retryable flags, treats coded domain errors as final and unknown errors as transient', async () => {
    expect(classifyFailure(qps())).toEqual({ code: 'Forbidden.AccessDenied.QpsLimitForApi', retryable: true });
    expect(classifyFailure(bad())).toEqual({ code: 'invalidParameter.msgKey.invalid', retryable: false });
    expect(classifyFailure(new PhiBlockedError('hkid'))).toEqual({ code: 'phi.blocked', retryable: false });
    expect(classifyFailure(new TypeError('x is undefined'))).toEqual({ code: 'internal', retryable: true });
  });
});
