import { AUDIT_ACTIONS, type AuditSink } from '../../domain/audit/audit-sink.js';
import { backoffDelay, type BackoffPolicy } from '../../shared/backoff.js';
import type { Clock } from '../../shared/clock.js';
import { isDomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { isEhrError } from '../ehr-error.js';
import type { AllergyInput, EhrAdapter } from '../ehr-types.js';
import type { EhrPendingRow, EhrQueueRepository } from './ehr-queue-repository.js';
import type { PayloadCipher } from './payload-cipher.js';

/**
 * Delivers queued records to the EHR. Waiting helps with an EHR that is down, slow, throttling,
 * refusing our token, or not configured yet: such rows stay pending and are retried with backoff
 * for as long as it takes. A record the EHR rejected (4xx, unknown patient, several matches) will be
 * rejected again, so it becomes `failed` and waits for an admin. Each write is a conditional create,
 * so a crash between the EHR's answer and `markDone` cannot make a second resource.
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
  const { repo, clock, logger: log } = deps;
  const leaseMs = deps.leaseMs ?? 120_000;
  let current: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  async function deliver(row: EhrPendingRow): Promise<string> {
    const input = JSON.parse(deps.cipher.open(row.id, row.kind, row.payload)) as AllergyInput;
    return (await deps.adapter.upsertAllergy(input)).id;
  }

  async function processRow(row: EhrPendingRow): Promise<void> {
    try {
      const remoteId = await deliver(row);
      repo.markDone(row.id, remoteId, clock.now());
      log.info({ ehrPendingId: row.id, attempt: row.attempts }, 'ehr write delivered');
      deps.audit?.append({ actor: 'system', action: AUDIT_ACTIONS.ehrWriteDone, target: row.id, outcome: 'success', reason: row.kind });
    } catch (e) {
      const f = classifyEhrFailure(e);
      const now = clock.now();
      if (f.retry) {
        const next = now + backoffDelay(row.attempts, deps.backoff, deps.random);
        repo.markRetry(row.id, next, f.code, now);
        log.warn({ ehrPendingId: row.id, code: f.code, attempt: row.attempts, next }, 'ehr write failed; will retry');
        return;
      }
      repo.markFailed(row.id, f.code, now);
      log.error({ ehrPendingId: row.id, code: f.code, attempt: row.attempts }, 'ehr write rejected');
      deps.audit?.append({ actor: 'system', action: AUDIT_ACTIONS.ehrWriteFailed, target: row.id, outcome: 'failure', reason: f.code });
    }
  }

  async function runPass(): Promise<number> {
    let after: { createdAt: number; id: string } | null = null;
    let processed = 0;
    for (;;) {
      const now = clock.now();
      const rows = repo.claimDue({ now, after, limit: 10, leaseUntil: now + leaseMs });
      if (rows.length === 0) return processed;
      const last = rows[rows.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id };
      // One at a time: EHR writes are rare, and a struggling EHR should not get a burst.
      for (const row of rows) {
        await processRow(row);
        processed++;
      }
    }
  }

  /** One pass over the due rows; a caller arriving during a pass shares it. Resolves to rows processed. */
  function drainOnce(): Promise<number> {
    current ??= runPass().finally(() => {
      current = null;
    });
    return current;
  }

  async function tick(): Promise<void> {
    await drainOnce().catch((e: unknown) => log.error({ code: classifyEhrFailure(e).code }, 'ehr queue pass failed'));
    if (started) timer = setTimeout(() => void tick(), deps.pollMs).unref();
  }

  return {
    drainOnce,
    start(): void {
      if (started) return;
      started = true;
      void tick();
    },
    /** Wakes a started worker soon (not synchronously, so the caller's transaction commits first). */
    notify(): void {
      if (started) setImmediate(() => void drainOnce().catch(() => undefined));
    },
    async stop(): Promise<void> {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await current?.catch(() => undefined);
    },
  };
}

export type EhrQueueWorker = ReturnType<typeof createEhrQueueWorker>;
