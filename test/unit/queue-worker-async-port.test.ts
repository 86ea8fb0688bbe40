import { describe, expect, it } from 'vitest';
import { createQueueWorker } from '../../src/domain/queue/queue-worker.js';
import { PermanentFailure, type QueuePort, type QueueRowBase } from '../../src/domain/queue/queue-types.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { eventually } from '../helpers/eventually.js';

type Row = QueueRowBase & { id: number; result?: unknown };

/** A store that answers with Promises only, as a PostgreSQL twin would. */
function asyncStore(rows: Row[]): QueuePort<Row> & { rows: Row[] } {
  const find = (id: Row['id']) => rows.find((r) => r.id === id)!;
  return {
    rows,
    async claimDue(q) {
      const after = (q.after?.[0] as number | undefined) ?? 0;
      const due = rows.filter((r) => r.status === 'pending' && r.nextAttemptAt <= q.now && r.id > after).slice(0, q.limit);
      for (const r of due) Object.assign(r, { nextAttemptAt: q.leaseUntil, attempts: r.attempts + 1 });
      return due.map((r) => ({ ...r }));
    },
    cursorOf: (row) => [row.id],
    async markDone(id, values) {
      Object.assign(find(id), { status: 'done', ...values });
      return true;
    },
    async markRetry(id, nextAttemptAt, lastError) {
      Object.assign(find(id), { nextAttemptAt, lastError });
      return true;
    },
    async markDead(id, lastError) {
      Object.assign(find(id), { status: 'dead', lastError });
      return true;
    },
    async releaseOwn() {
      return 0;
    },
    async countPending() {
      return rows.filter((r) => r.status === 'pending').length;
    },
  };
}

const row = (id: number, kind: string): Row => ({
  id, idemKey: `k${id}`, kind, payload: '{}', status: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, createdAt: 0, updatedAt: 0,
});

describe('durable-queue worker over an asynchronous store', () => {
  it('when the store answers with Promises, then rows are done with their values, retried with backoff, or dead', async () => {
    const clock = new ManualClock();
    const store = asyncStore([row(1, 'ok'), row(2, 'flaky'), row(3, 'never')]);
    const worker = createQueueWorker<Row>({
      name: 'test',
      store,
      clock,
      logger: silentLogger,
      classify: () => ({ code: 'down', retryable: true }),
      backoff: { baseMs: 1000, maxMs: 8000 },
      pollMs: 60_000,
      maxAttempts: 3,
      batchSize: 2,
      leaseMs: 30_000,
      random: () => 1,
      async process(r) {
        if (r.kind === 'never') throw new PermanentFailure('no_handler');
        if (r.kind === 'flaky' && r.attempts < 2) throw new Error('down');
        return { result: `sent ${r.id}` };
      },
    });

    expect(await worker.drainOnce()).toBe(3);
    expect(store.rows.map((r) => [r.status, r.lastError])).toEqual([['done', null], ['pending', 'down'], ['dead', 'no_handler']]);
    expect(store.rows[0]!.result).toBe('sent 1');
    expect(store.rows[1]!.nextAttemptAt).toBe(clock.now() + 1000);

    clock.advance(1000);
    expect(await worker.drainOnce()).toBe(1);
    expect(store.rows[1]).toMatchObject({ status: 'done', result: 'sent 2', attempts: 2 });
    expect(await worker.drain(1000)).toEqual({ pending: 0, timedOut: false });
  });
});

describe('durable-queue worker leases (issue 11: a dead instance’s sends are taken over after the cluster lease)', () => {
  it('extends the lease of a row while its work runs (heartbeat every third of the lease), the row then done', async () => {
    const clock = new ManualClock();
    const store = asyncStore([row(1, 'slow')]);
    const beats: Array<[number, string, number]> = [];
    store.extendLease = async (id, owner, leaseUntil) => (beats.push([id as number, owner, leaseUntil]), true);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    const worker = createQueueWorker<Row>({
      name: 'test', store, clock, logger: silentLogger, classify: () => ({ code: 'down', retryable: true }),
      backoff: { baseMs: 1000, maxMs: 8000 }, pollMs: 60_000, batchSize: 1, leaseMs: 60, owner: 'inst-a',
      async process() {
        started = true;
        await gate;
        return { result: 'sent' };
      },
    });
    const pass = worker.drainOnce();
    await eventually(() => started && beats.length >= 3, 5000, 'three heartbeats while the send runs');
    expect(beats.every(([id, owner, until]) => id === 1 && owner === 'inst-a' && until === clock.now() + 60)).toBe(true);
    release();
    expect(await pass).toBe(1);
    expect(store.rows[0]).toMatchObject({ status: 'done' });
  });
});
