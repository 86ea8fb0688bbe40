import type { AuditSink } from '../../shared/audit-sink.js';
import type { BackoffPolicy } from '../../shared/backoff.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { EhrAdapter } from '../../domain/ehr/ehr-port.js';
import { createEhrQueue } from './ehr-queue.js';
import type { EhrQueueRepository } from './ehr-queue-repository.js';
import { createEhrQueueWorker } from './ehr-queue-worker.js';
import { createPayloadCipher } from './payload-cipher.js';

export type { EhrPendingView } from './ehr-queue.js';

export interface EhrQueueModuleDeps {
  repo: EhrQueueRepository;
  /** The payload key (EHR_QUEUE_KEY, or KEY_DIR/ehr-queue.key on SQLite; see compose/keys.ts). */
  key: Buffer;
  adapter: EhrAdapter;
  clock: Clock;
  logger: Logger;
  audit?: AuditSink;
  /** Default: 5 s doubling to 15 min, so a long EHR outage costs a few requests an hour. */
  backoff?: BackoffPolicy;
  pollMs?: number;
  random?: () => number;
}

/** The pending-writes queue and its worker, wired: `enqueueAllergy`, `status`, `listPending`, `retry`, `worker`. */
export function createEhrQueueModule(deps: EhrQueueModuleDeps) {
  const { repo } = deps;
  const cipher = createPayloadCipher(deps.key);
  const worker = createEhrQueueWorker({
    repo,
    cipher,
    adapter: deps.adapter,
    clock: deps.clock,
    logger: deps.logger,
    audit: deps.audit,
    backoff: deps.backoff ?? { baseMs: 5_000, maxMs: 900_000 },
    pollMs: deps.pollMs ?? 5_000,
    random: deps.random,
  });
  const queue = createEhrQueue({ repo, cipher, clock: deps.clock, audit: deps.audit, notify: () => worker.notify() });
  return { ...queue, worker };
}

export type EhrQueueModule = ReturnType<typeof createEhrQueueModule>;
