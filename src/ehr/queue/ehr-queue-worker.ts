import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { createQueueWorker } from '../../domain/queue/queue-worker.js';
import type { BackoffPolicy } from '../../shared/backoff.js';
import type { Clock } from '../../shared/clock.js';
import { isDomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { isEhrError } from '../ehr-error.js';
import type { AllergyInput, EhrAdapter } from '../../domain/ehr/ehr-port.js';
import type { EhrPendingRow, EhrQueueRepository } from './ehr-queue-repository.js';
import type { PayloadCipher } from './payload-cipher.js';

/**
 * Delivers queued records to the EHR, on the durable-queue worker (src/domain/queue/). Waiting helps
 * with an EHR that is down, slow, throttling, refusing our token, or not configured yet: such rows
 * stay pending and are retried with backoff for as long as it takes. A record the EHR rejected (4xx,
 * unknown patient, several matches) will be rejected again, so it becomes `failed` and waits for an
 * admin. Each write is a conditional create, so a crash between the EHR's answer and `markDone`
 * cannot make a second resource.
 */
export interface EhrQueueWorkerDeps {
  repo: EhrQueueRepository;
  cipher: PayloadCipher;
  adapter: EhrAdapter;
  clock: Clock;
  logger: Logger;
  audit?: AuditSink;
  backoff: BackoffPolicy;
  pollMs: number;
  /** How long a claimed row is hidden from other passes; default 2 min (longer than a write with retries). */
  leaseMs?: number;
  random?: () => number;
}

/** Whether waiting can help; the code is what the row shows (never server text). */
export function classifyEhrFailure(e: unknown): { code: string; retry: boolean } {
  if (isEhrError(e)) return { code: e.shortCode, retry: e.retryable || e.kind === 'auth' || e.kind === 'not_configured' };
  if (isDomainError(e)) return { code: e.code, retry: false };
  return { code: 'internal', retry: true };
}

export function createEhrQueueWorker(deps: EhrQueueWorkerDeps) {
  const { logger: log, audit } = deps;
  return createQueueWorker<EhrPendingRow>({
    name: 'ehr queue',
    store: deps.repo,
    clock: deps.clock,
    logger: log,
    classify(e) {
      const f = classifyEhrFailure(e);
      return { code: f.code, retryable: f.retry };
    },
    backoff: deps.backoff,
    pollMs: deps.pollMs,
    // One at a time (no lanes): EHR writes are rare, and a struggling EHR should not get a burst.
    batchSize: 10,
    leaseMs: deps.leaseMs ?? 120_000,
    random: deps.random,
    async process(row) {
      const input = JSON.parse(deps.cipher.open(row.id, row.kind, row.payload)) as AllergyInput;
      const remoteId = (await deps.adapter.upsertAllergy(input)).id;
      return { remoteId, payload: '' };
    },
    on: {
      done(row) {
        log.info({ ehrPendingId: row.id, attempt: row.attempts }, 'ehr write delivered');
        audit?.append({ actor: 'system', action: AUDIT_ACTIONS.ehrWriteDone, target: row.id, outcome: 'success', reason: row.kind });
      },
      retry(row, code, next) {
        log.warn({ ehrPendingId: row.id, code, attempt: row.attempts, next }, 'ehr write failed; will retry');
      },
      dead(row, code) {
        log.error({ ehrPendingId: row.id, code, attempt: row.attempts }, 'ehr write rejected');
        audit?.append({ actor: 'system', action: AUDIT_ACTIONS.ehrWriteFailed, target: row.id, outcome: 'failure', reason: code });
      },
    },
  });
}

export type EhrQueueWorker = ReturnType<typeof createEhrQueueWorker>;
