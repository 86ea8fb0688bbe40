import { AUDIT_ACTIONS, type AuditSink } from '../audit/audit-sink.js';
import { backoffDelay, type BackoffPolicy } from '../../shared/backoff.js';
import type { Clock } from '../../shared/clock.js';
import { isDomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { OutboxRepository, OutboxRow } from './outbox-repository.js';

/**
 * Sends what callers enqueued. Each pass walks the due rows in id order (a cursor, so a row that
 * fails and becomes due again at once is not spun on within the same pass), leases them, calls the
 * handler for the row's kind and records the outcome. Delivery is at-least-once: a crash between a
 * handler's success and `markSent` resends once, at the next start of the same instance (or after
 * the lease, elsewhere); handlers pass `idemKey` to DingTalk where it has an idempotency key (card
 * outTrackId, scene-group uuid).
 */
export interface OutboxHandlerContext {
  idemKey: string;
  /** 1 on the first try. */
  attempt: number;
}

// Payloads arrive as parsed JSON; each handler knows its own kind's shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OutboxHandler = (payload: any, ctx: OutboxHandlerContext) => Promise<unknown>;

export interface FailureClass {
  code: string;
  retryable: boolean;
}

/**
 * Errors that say whether they are retryable (DingTalkApiError) are believed; other coded domain
 * errors (e.g. `phi.blocked`) will not get better by waiting; anything else is assumed transient.
 */
export function classifyFailure(e: unknown): FailureClass {
  const x = e as { code?: unknown; retryable?: unknown } | null;
  if (x && typeof x.retryable === 'boolean' && typeof x.code === 'string') {
    return { code: x.code.slice(0, 100), retryable: x.retryable };
  }
  if (isDomainError(e)) return { code: e.code, retryable: false };
  return { code: 'internal', retryable: true };
}

export interface OutboxWorkerDeps {
  repo: OutboxRepository;
  handlers: Record<string, OutboxHandler>;
  clock: Clock;
  logger: Logger;
  audit?: AuditSink;
  maxAttempts: number;
  backoff: BackoffPolicy;
  pollMs: number;
  batchSize?: number;
  /** How long a claimed row is hidden from other passes/processes; default 5 min. */
  leaseMs?: number;
  random?: () => number;
  classify?: (e: unknown) => FailureClass;
  /** The instance holding this worker's leases; at start it takes back the ones an earlier run left. */
  owner?: string;
}

/** DingTalk's handle on a sent message, when the result carries one (robot group send). */
function processQueryKeyOf(result: unknown): string | null {
  const key = (result as { processQueryKey?: unknown } | null)?.processQueryKey;
  return typeof key === 'string' && key ? key.slice(0, 200) : null;
}

/**
 * The ordering lane of a row: the reply session (each inbound message has its own webhook), else the
 * conversation or the receivers, so each chat sees related messages in order while others go in parallel.
 */
function laneOf(row: OutboxRow): string {
  try {
    const p = JSON.parse(row.payload) as {
      webhook?: string; conversationId?: string; openConversationId?: string; userId?: string; userIds?: string[];
    };
    return p.webhook ?? p.conversationId ?? p.openConversationId ?? p.userId ?? p.userIds?.join(',') ?? `row:${row.id}`;
  } catch {
    return `row:${row.id}`;
  }
}

function byLane(rows: OutboxRow[]): Map<string, OutboxRow[]> {
  const lanes = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = laneOf(row);
    lanes.set(key, [...(lanes.get(key) ?? []), row]);
  }
  return lanes;
}

export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const { repo, clock, logger: log } = deps;
  const classify = deps.classify ?? classifyFailure;
  const batchSize = deps.batchSize ?? 20;
  const leaseMs = deps.leaseMs ?? 300_000;
  let current: Promise<number> | null = null;
  let queued: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let halted = false;

  function finish(row: OutboxRow, outcome: 'dead' | 'retry', code: string): void {
    const now = clock.now();
    if (outcome === 'retry') {
      const next = now + backoffDelay(row.attempts, deps.backoff, deps.random);
      repo.markRetry(row.id, next, code, now);
      log.info({ outboxId: row.id, kind: row.kind, code, attempt: row.attempts, next }, 'outbox send failed; will retry');
      return;
    }
    repo.markDead(row.id, code, now);
    log.warn({ outboxId: row.id, kind: row.kind, code, attempts: row.attempts }, 'outbox message dead');
    deps.audit?.append({
      actor: 'system',
      action: AUDIT_ACTIONS.outboundDead,
      target: row.idemKey,
      outcome: 'failure',
      reason: code,
    });
  }

  async function processRow(row: OutboxRow): Promise<void> {
    const handler = deps.handlers[row.kind];
    if (!handler) return finish(row, 'dead', 'outbox.no_handler');
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      return finish(row, 'dead', 'outbox.bad_payload');
    }
    let result: unknown;
    try {
      result = await handler(payload, { idemKey: row.idemKey, attempt: row.attempts });
    } catch (e) {
      const f = classify(e);
      return finish(row, f.retryable && row.attempts < deps.maxAttempts ? 'retry' : 'dead', f.code);
    }
    // Status, result and processQueryKey in one statement, the moment the send returns: once this
    // commits the row cannot be claimed again, so a crash repeats at most the sends in flight.
    repo.markSent(row.id, JSON.stringify(result ?? null), clock.now(), processQueryKeyOf(result));
    deps.audit?.append({
      actor: 'system',
      action: AUDIT_ACTIONS.outboundSend,
      target: row.idemKey,
      outcome: 'success',
      reason: row.kind,
    });
  }

  async function runPass(): Promise<number> {
    let afterId = 0;
    let processed = 0;
    while (!halted) {
      const now = clock.now();
      const rows = repo.claimDue({ now, afterId, limit: batchSize, leaseUntil: now + leaseMs, owner: deps.owner });
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      // Different conversations go out in parallel; one conversation's messages keep their order.
      await Promise.all(
        [...byLane(rows).values()].map(async (lane) => {
          for (const row of lane) {
            // Rows claimed but skipped here keep their lease and are retried once it runs out.
            if (halted) return;
            await processRow(row);
            processed++;
          }
        }),
      );
    }
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
      (e: unknown) => log.error({ code: classify(e).code }, 'outbox pass failed'),
    );
  }

  async function tick(): Promise<void> {
    await runSafely();
    if (started) timer = setTimeout(() => void tick(), deps.pollMs).unref();
  }

  return {
    drainOnce,

    start(): void {
      if (started) return;
      if (deps.owner) repo.releaseOwn(deps.owner, clock.now());
      started = true;
      halted = false;
      void tick();
    },

    /** Wakes a started worker soon (not synchronously, so a caller's transaction commits first). */
    notify(): void {
      if (started) setImmediate(() => void runSafely());
    },

    /** Stops polling, lets the row in flight finish, and waits for it. */
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
      return { pending: repo.countByStatus().pending ?? 0, timedOut };
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
