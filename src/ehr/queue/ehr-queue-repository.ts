import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { EHR_OPEN_STATUSES, ehrPending, type EhrPendingKind } from '../../domain/ehr/ehr-tables.js';
import type { SqliteStore } from '../../db/store.js';
import { createQueueStore } from '../../domain/queue/queue-store.js';

export type EhrPendingRow = typeof ehrPending.$inferSelect;

/**
 * ehr_pending as a durable queue (src/domain/queue/): claimed oldest first (createdAt, id); `done`
 * keeps the EHR's id and erases the payload (the EHR now holds the record); `failed` waits for an admin.
 * Every method but `cursorOf` answers with a Promise and joins the caller's transaction, if any.
 */
export function createEhrQueueRepository(db: Db, store: SqliteStore) {
  const queue = createQueueStore<EhrPendingRow>(db, {
    table: ehrPending,
    statuses: { pending: 'pending', done: 'done', dead: 'failed' },
    order: ['createdAt', 'id'],
    doneColumns: ['remoteId', 'payload'],
    suppliedId: true,
    retryResetsAttempts: false,
  });

  const { cursorOf, ...steps } = queue;
  return {
    cursorOf,
    ...store.wrap({
      ...steps,

      /** Inserts a pending row; a repeated idemKey inserts nothing and returns the first row's id. */
      insertPending: (row: { id: string; idemKey: string; kind: EhrPendingKind; payload: string; now: number }) => queue.insertPending<string>(row),

      /** Every row not yet in the EHR (pending or failed), oldest first. */
      listOpen(): EhrPendingRow[] {
        return db.select().from(ehrPending).where(inArray(ehrPending.status, EHR_OPEN_STATUSES)).orderBy(asc(ehrPending.createdAt), asc(ehrPending.id)).all();
      },
    }),
  };
}

export type EhrQueueRepository = ReturnType<typeof createEhrQueueRepository>;
