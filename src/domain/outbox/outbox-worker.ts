import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { BackoffPolicy } from '../../shared/backoff.js';
import type { Clock } from '../../shared/clock.js';
import { isDomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { OutboxHandler } from '../../shared/outbox-port.js';
import { createQueueWorker } from '../queue/queue-worker.js';
import { PermanentFailure, type FailureClass } from '../queue/queue-types.js';
import { laneOf } from './outbox-lane.js';
import type { OutboxRepository, OutboxRow } from './outbox-repository.js';

export type { FailureClass } from '../queue/queue-types.js';
/** The handler port lives in src/shared (the DingTalk edge implements it). */
export type { OutboxHandler, OutboxHandlerContext } from '../../shared/outbox-port.js';

/**
 * Sends what callers enqueued, on the durable-queue worker (src/domain/queue/): rows in id order,
 * leased by `owner`, one conversation's messages in order while conversations go in parallel.
 * Delivery is at-least-once: a crash between a handler's success and `markSent` resends once, at the
 * next start of the same instance (or after the lease, elsewhere); handlers pass `idemKey` to
 * DingTalk where it has an idempotency key (card outTrackId, scene-group uuid).
 */
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

export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const { logger: log, audit } = deps;
  return createQueueWorker<OutboxRow>({
    name: 'outbox',
    store: deps.repo.queuePort,
    clock: deps.clock,
    logger: log,
    classify: deps.classify ?? classifyFailure,
    maxAttempts: deps.maxAttempts,
    backoff: deps.backoff,
    pollMs: deps.pollMs,
    batchSize: deps.batchSize ?? 20,
    leaseMs: deps.leaseMs ?? 300_000,
    random: deps.random,
    owner: deps.owner,
    laneOf,
    async process(row) {
      const handler = deps.handlers[row.kind];
      if (!handler) throw new PermanentFailure('outbox.no_handler');
      let payload: unknown;
      try {
        payload = JSON.parse(row.payload);
      } catch {
        throw new PermanentFailure('outbox.bad_payload');
      }
      const result = await handler(payload, { idemKey: row.idemKey, attempt: row.attempts });
      return { result: JSON.stringify(result ?? null), processQueryKey: processQueryKeyOf(result) };
    },
    on: {
      done(row) {
        audit?.append({ actor: 'system', action: AUDIT_ACTIONS.outboundSend, target: row.idemKey, outcome: 'success', reason: row.kind });
      },
      retry(row, code, next) {
        log.info({ outboxId: row.id, kind: row.kind, code, attempt: row.attempts, next }, 'outbox send failed; will retry');
      },
      dead(row, code) {
        log.warn({ outboxId: row.id, kind: row.kind, code, attempts: row.attempts }, 'outbox message dead');
        audit?.append({ actor: 'system', action: AUDIT_ACTIONS.outboundDead, target: row.idemKey, outcome: 'failure', reason: code });
      },
    },
  });
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
