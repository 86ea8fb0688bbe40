import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { createOutboxService, type OutboxIntentBase } from '../../src/domain/outbox/outbox-service.js';
import { createOutboxWorker, type OutboxWorkerDeps } from '../../src/domain/outbox/outbox-worker.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { DbHandle } from '../../src/db/client.js';
import { recordingAudit } from './dingtalk-api.js';

/** Repo + service + worker over a real database, with a manual clock and no jitter (random = 1). */
export function outboxFixture<I extends OutboxIntentBase = OutboxIntentBase>(
  db: DbHandle,
  over: Partial<OutboxWorkerDeps> & Pick<OutboxWorkerDeps, 'handlers'>,
  clock = new ManualClock(),
) {
  const repo = createOutboxRepository(db.db, db.store);
  const audit = recordingAudit();
  const worker = createOutboxWorker({
    repo,
    clock,
    logger: silentLogger,
    audit,
    maxAttempts: 3,
    backoff: { baseMs: 1000, maxMs: 8000 },
    pollMs: 60_000,
    random: () => 1,
    ...over,
  });
  const outbox = createOutboxService<I>({ repo, clock, notify: () => worker.notify() });
  return { repo, audit, worker, outbox, clock };
}
