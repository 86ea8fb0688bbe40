import { asc, inArray } from 'drizzle-orm';
import { ehrPending } from '../../db/pg/ehr-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { EHR_OPEN_STATUSES } from '../../domain/ehr/ehr-tables.js';
import { createPgQueueStore } from '../../domain/queue/queue-store-pg.js';
import type { EhrPendingRow, EhrQueueRepository } from './ehr-queue-repository.js';

/**
 * ehr_pending on PostgreSQL: the same port as ehr-queue-repository.ts, on the PostgreSQL queue store
 * (SKIP LOCKED claims with leases, so workers on every instance drain it). Claimed oldest first
 * (createdAt, id); `done` keeps the EHR's id and erases the payload; `failed` waits for an admin.
 */
export function createPgEhrQueueRepository(store: PgStore): EhrQueueRepository {
  const queue = createPgQueueStore<EhrPendingRow>(store, {
    table: ehrPending,
    statuses: { pending: 'pending', done: 'done', dead: 'failed' },
    order: ['createdAt', 'id'],
    doneColumns: ['remoteId', 'payload'],
    suppliedId: true,
    retryResetsAttempts: false,
  });
  return {
    ...queue,
    insertPending: (row) => queue.insertPending<string>(row),
    async listOpen() {
      return store.db().select().from(ehrPending).where(inArray(ehrPending.status, EHR_OPEN_STATUSES)).orderBy(asc(ehrPending.createdAt), asc(ehrPending.id));
    },
  };
}
