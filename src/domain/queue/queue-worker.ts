import { backoffDelay, type BackoffPolicy } from '../../shared/backoff.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { detached } from '../../shared/transactions.js';
import { createLaneRunner, createWakeup } from './lane-runner.js';
import { PermanentFailure, type FailureClass, type QueueCursor, type QueuePort, type QueueRowBase } from './queue-types.js';

/**
 * Works off a durable queue. Each pass walks the due rows in claim order (a cursor, so a row that
 * fails and becomes due again at once is not spun on within the same pass), leases them, calls
 * `process` and records the outcome: done (with the values `process` returned), retry with backoff
 * while waiting can help and attempts remain, else dead. Work is at-least-once: a crash between
 * `process` and `markDone` repeats it once, at the next start of the same owner or after the lease.
 */
export interface QueueWorkerDeps<R extends QueueRowBase> {
  /** For log lines: `<name> pass failed`. */
  name: string;
  store: QueuePort<R>;
  /** Does the work; resolves to the values `markDone` stores (see QueueTable.doneColumns). */
  process(row: R): Promise<Record<string, unknown>>;
  classify(e: unknown): FailureClass;
  clock: Clock;
  logger: Logger;
  backoff: BackoffPolicy;
  pollMs: number;
  /** Without it a row is retried for as long as its failures are retryable. */
  maxAttempts?: number;
  /** Rows claimed and not yet finished, at most (a sliding window: see lane-runner.ts). */
  batchSize: number;
  /** How long a claimed row is hidden from other passes and processes. */
  leaseMs: number;
  random?: () => number;
  /** The instance holding this worker's leases; at start it takes back the ones an earlier run left. */
  owner?: string;
  /** Rows of one lane go in order, lanes in parallel; without it, one row at a time. */
  laneOf?(row: R): string;
  /** Called after the outcome is stored (logs, audit). */
  on?: {
    done?(row: R): void;
    retry?(row: R, code: string, next: number): void;
    dead?(row: R, code: string): void;
  };
}

export function createQueueWorker<R extends QueueRowBase>(deps: QueueWorkerDeps<R>) {
  const { store, clock, logger: log } = deps;
  let current: Promise<number> | null = null;
  let queued: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let halted = false;
  const wakeup = createWakeup();

  /** Records a failure; answers when a retry is due, if one was scheduled. */
  async function fail(row: R, e: unknown): Promise<number | undefined> {
    const f = e instanceof PermanentFailure ? { code: e.code, retryable: false } : deps.classify(e);
    const now = clock.now();
    const attemptsLeft = deps.maxAttempts === undefined || row.attempts < deps.maxAttempts;
    if (f.retryable && attemptsLeft) {
      const next = now + backoffDelay(row.attempts, deps.backoff, deps.random);
      await store.markRetry(row.id, next, f.code, now);
      deps.on?.retry?.(row, f.code, next);
      return next > now ? next : undefined;
    }
    await store.markDead(row.id, f.code, now);
    deps.on?.dead?.(row, f.code);
    return undefined;
  }

  /**
   * While a row is worked on, its lease is extended every third of the lease (a heartbeat), so a slow
   * call on a live instance is not taken over by another, while a dead instance's rows come free one
   * lease after it stopped beating.
   */
  function heartbeat(row: R): NodeJS.Timeout | undefined {
    const { owner } = deps;
    if (!owner || !store.extendLease) return undefined;
    const beat = setInterval(() => {
      store.extendLease!(row.id, owner, clock.now() + deps.leaseMs).catch((e: unknown) => log.warn({ code: deps.classify(e).code }, `${deps.name} lease extend failed`));
    }, Math.max(1, Math.floor(deps.leaseMs / 3)));
    beat.unref();
    return beat;
  }

  async function processRow(row: R): Promise<number | undefined> {
    let values: Record<string, unknown>;
    const beat = heartbeat(row);
    try {
      values = await deps.process(row);
    } catch (e) {
      clearInterval(beat);
      return fail(row, e);
    }
    clearInterval(beat);
    // The outcome in one statement, the moment the work returns: once this commits the row cannot be
    // claimed again, so a crash repeats at most the work in flight.
    await store.markDone(row.id, values, clock.now());
    deps.on?.done?.(row);
    return undefined;
  }

  /**
   * One pass: claims due rows in order after a cursor (so a row that fails and is due again at once
   * is not spun on), keeping up to `batchSize` in flight (see lane-runner.ts) and claiming more as
   * slots free up or new rows are queued. Once a retry scheduled in this pass is due, the cursor
   * starts over, so a retried row does not wait for the end of a pass that a steady stream of new
   * rows keeps going. The pass ends when nothing is due and nothing is in flight.
   */
  async function runPass(): Promise<number> {
    const runner = createLaneRunner(deps.batchSize);
    // Claims are a write transaction each: refill a quarter of the window at a time, not slot by slot.
    const refill = Math.max(1, Math.floor(deps.batchSize / 4));
    let after: QueueCursor | null = null;
    let processed = 0;
    let rewindAt = Infinity;
    while (!halted && !runner.failure) {
      const wanted = runner.free;
      if (wanted >= refill || runner.size === 0) {
        const now = clock.now();
        if (now >= rewindAt) [after, rewindAt] = [null, Infinity];
        const rows = await store.claimDue({ now, after, limit: wanted, leaseUntil: now + deps.leaseMs, owner: deps.owner });
        if (rows.length) after = store.cursorOf(rows[rows.length - 1]!);
        for (const row of rows) {
          runner.add(deps.laneOf?.(row) ?? '', async () => {
            // Rows claimed but skipped here keep their lease and are retried once it runs out.
            if (halted) return;
            const retryAt = await processRow(row);
            processed++;
            if (retryAt !== undefined) rewindAt = Math.min(rewindAt, retryAt);
          });
        }
        if (rows.length === wanted) continue;
        if (runner.size === 0) break;
      }
      await wakeup.waitFor(runner.oneDone(), deps.pollMs);
    }
    await runner.allDone();
    if (runner.failure) throw runner.failure.error;
    return processed;
  }

  /** Runs one pass over the due rows; concurrent callers share a pass (at most one more queued). */
  function drainOnce(): Promise<number> {
    if (!current) {
      current = runPass().finally(() => {
        current = null;
      });
      return current;
    }
    queued ??= current
      .catch(() => 0)
      .then(() => {
        queued = null;
        return drainOnce();
      });
    return queued;
  }

  function runSafely(): Promise<void> {
    return drainOnce().then(
      () => undefined,
      (e: unknown) => log.error({ code: deps.classify(e).code }, `${deps.name} pass failed`),
    );
  }

  async function tick(): Promise<void> {
    await runSafely();
    if (started) timer = detached(() => setTimeout(() => void tick(), deps.pollMs).unref());
  }

  return {
    drainOnce,

    start(): void {
      if (started) return;
      started = true;
      halted = false;
      // Polling begins once the earlier run's leases are back.
      void detached(() =>
        Promise.resolve(deps.owner ? store.releaseOwn(deps.owner, clock.now()) : 0)
          .catch((e: unknown) => log.error({ code: deps.classify(e).code }, `${deps.name} release failed`))
          .then(tick),
      );
    },

    /** Wakes a started worker soon (not synchronously, so a caller's transaction commits first). */
    notify(): void {
      if (!started) return;
      // A pass in flight takes the new row as soon as it has a free slot; else a new pass starts.
      // Detached: called from inside a caller's transaction body, the pass must not join it.
      detached(() =>
        setImmediate(() => {
          wakeup.wake();
          void runSafely();
        }),
      );
    },

    /** Stops polling, lets the rows in flight finish, and waits for them. */
    async stop(): Promise<void> {
      started = false;
      halted = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([current, queued]);
    },

    /** For shutdown: passes until nothing is due or `timeoutMs` (wall clock) runs out; returns pending count. */
    async drain(timeoutMs: number): Promise<{ pending: number; timedOut: boolean }> {
      halted = false;
      let timedOut = false;
      let t: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        t = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        for (;;) {
          const n = await Promise.race([drainOnce(), deadline]);
          if (n === 'timeout') {
            timedOut = true;
            halted = true; // the pass stops after its current row
            break;
          }
          if (n === 0) break;
        }
      } finally {
        clearTimeout(t);
      }
      return { pending: await store.countPending(), timedOut };
    },
  };
}

export type QueueWorker = ReturnType<typeof createQueueWorker>;
