import { asc, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ehrPending, type EhrPendingKind } from '../../domain/ehr/ehr-tables.js';
import { createQueueStore, type QueueExecutor } from '../../domain/queue/queue-store.js';

export type EhrPendingRow = typeof ehrPending.$inferSelect;

/** The db or a drizzle transaction handle, so a record can be queued in its caller's transaction. */
export type EhrQueueExecutor = QueueExecutor;

/**
 * ehr_pending as a durable queue (src/domain/queue/): claimed oldest first (createdAt, id); `done`
 * keeps the EHR's id and erases the payload (the EHR now holds the record); `failed` waits for an admin.
 */
export function createEhrQueueRepository(db: Db) {
  const store = createQueueStore<EhrPendingRow>(db, {
    table: ehrPending,
    statuses: { pending: 'pending', done: 'done', dead: 'failed' },
    order: ['createdAt', 'id'],
    doneColumns: ['remoteId', 'payload'],
    suppliedId: true,
    retryResetsAttempts: false,
  });

  return {
    ...store,

    /** Inserts a pending row; a repeated idemKey inserts nothing and returns the first row's id. */
    insertPending: (row: { id: string; idemKey: string; kind: EhrPendingKind; payload: string; now: number }, tx?: EhrQueueExecutor) =>
      store.insertPending<string>(row, tx),

    /** Every row not yet in the EHR (pending or failed), oldest first. */
    listOpen(): EhrPendingRow[] {
      return db.select().from(ehrPending).where(ne(ehrPending.status, 'done')).orderBy(asc(ehrPending.createdAt), asc(ehrPending.id)).all();
    },
  };
}

export type EhrQueueRepository = ReturnType<typeof createEhrQueueRepository>;
