import { asc, count, desc, eq, and, gte, inArray, lt, lte, min } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { createQueueStore } from '../queue/queue-store.js';
import { outboxMessages, type OutboxStatus } from './outbox-tables.js';

export type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * outbox_messages as a durable queue (src/domain/queue/): claimed in id order, leased by owner,
 * `sent` with its result and DingTalk's processQueryKey; plus the admin console's own queries. Every
 * method answers with a Promise and joins the caller's transaction when there is one (src/db/store.ts),
 * so an intent is enqueued atomically with the state change that caused it.
 */
export function createOutboxRepository(db: Db, store: SqliteStore) {
  const queue = createQueueStore<OutboxRow>(db, {
    table: outboxMessages,
    statuses: { pending: 'pending', done: 'sent', dead: 'dead' },
    order: ['id'],
    doneColumns: ['result', 'processQueryKey'],
    suppliedId: false,
    retryResetsAttempts: true,
  });
  const { cursorOf, ...steps } = queue;
  /** The worker's view: the pass cursor is the id. */
  const queuePort = { ...store.wrap(steps), cursorOf };
  const byId = (id: number) => eq(outboxMessages.id, id);

  return {
    ...queuePort,
    queuePort,
    ...store.wrap({
      /** Inserts a pending row; a duplicate idemKey inserts nothing and returns the existing row's id. */
      insertPending: (row: { idemKey: string; kind: string; payload: string; now: number }) => queue.insertPending<number>(row),

      /** Takes up to `limit` due pending rows with id > afterId, in id order, and leases them (see the store). */
      claimDue(q: { now: number; afterId: number; limit: number; leaseUntil: number; owner?: string }): OutboxRow[] {
        return queue.claimDue({ now: q.now, after: [q.afterId], limit: q.limit, leaseUntil: q.leaseUntil, owner: q.owner });
      },

      /** Records delivery, its result and DingTalk's processQueryKey in one statement; a sent row is never picked again. */
      markSent(id: number, result: string, now: number, processQueryKey: string | null = null): boolean {
        return queue.markDone(id, { result, processQueryKey }, now);
      },


      /** Rows in one status; an index range (outbox_due_idx), not a walk of every sent row kept for retention. */
      countOf: (status: OutboxStatus): number => db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, status)).get()?.n ?? 0,

      /** When the oldest pending row that is due now (not leased, not backing off) was enqueued; null when none is. */
      oldestDueCreatedAt(now: number): number | null {
        const due = and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now));
        return db.select({ at: min(outboxMessages.createdAt) }).from(outboxMessages).where(due).get()?.at ?? null;
      },

      /**
       * Rows of one kind whose idemKey starts with `prefix` (e.g. every approver card of a request
       * step, every card of an alert), oldest first: an index range on the unique idemKey.
       */
      withKeyPrefix(prefix: string, kind: string): Pick<OutboxRow, 'idemKey' | 'status' | 'updatedAt'>[] {
        const range = and(gte(outboxMessages.idemKey, prefix), lt(outboxMessages.idemKey, `${prefix}\u{10FFFF}`));
        return db
          .select({ idemKey: outboxMessages.idemKey, status: outboxMessages.status, updatedAt: outboxMessages.updatedAt })
          .from(outboxMessages)
          .where(and(range, eq(outboxMessages.kind, kind)))
          .orderBy(asc(outboxMessages.id))
          .all();
      },

      /** Newest first, for the admin console. */
      /** One status, newest first, a keyset page below id `before` (outbox_pending_id_idx: status, id). */
      list(q: { status: OutboxStatus; limit: number; before?: number }): { items: OutboxRow[] } {
        const where = and(eq(outboxMessages.status, q.status), q.before === undefined ? undefined : lt(outboxMessages.id, q.before));
        return { items: db.select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.id)).limit(q.limit).all() };
      },

      /** Drops a pending or dead row from the queue; the row stays so its idemKey keeps deduping. */
      discard(id: number, now: number): boolean {
        return (
          db
            .update(outboxMessages)
            .set({ status: 'discarded', updatedAt: now })
            .where(and(byId(id), inArray(outboxMessages.status, ['pending', 'dead'])))
            .run().changes === 1
        );
      },
    }),
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
