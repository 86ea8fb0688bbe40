import { and, asc, count, desc, eq, inArray, lt, lte, min, sql } from 'drizzle-orm';
import { outboxMessages } from '../../db/pg/outbox-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { createPgQueueStore } from '../queue/queue-store-pg.js';
import { laneOfPayload } from './outbox-lane.js';
import { groupedMarkSent } from './outbox-sent-pg.js';
import type { OutboxRepository, OutboxRow } from './outbox-repository.js';
import type { OutboxStatus } from './outbox-tables.js';

/**
 * outbox_messages on PostgreSQL: the same port as outbox-repository.ts, drained by workers on every
 * instance (queue-store-pg.ts: SKIP LOCKED claims, leases by owner, one send at a time per lane).
 * Each row's lane is stored with it at insert, from its payload.
 */
export function createPgOutboxRepository(store: PgStore): OutboxRepository {
  const queue = createPgQueueStore<OutboxRow>(store, {
    table: outboxMessages,
    statuses: { pending: 'pending', done: 'sent', dead: 'dead' },
    order: ['id'],
    doneColumns: ['result', 'processQueryKey'],
    suppliedId: false,
    retryResetsAttempts: true,
  });
  const db = () => store.db();
  const byId = (id: number) => eq(outboxMessages.id, id);
  const { insertPending: _generic, ...port } = queue;
  const insertPending = <I extends number | string>(row: { id?: I; idemKey: string; kind: string; payload: string; now: number }) =>
    queue.insertPending<I>({ ...row, lane: laneOfPayload(row.payload) });
  const markDone = groupedMarkSent(store, (r) => queue.markDone(r.id, { result: r.result, processQueryKey: r.processQueryKey }, r.now));
  const queuePort = {
    ...port,
    insertPending,
    markDone: (id: number, values: Record<string, unknown>, now: number) =>
      markDone({ id, result: (values.result as string | null | undefined) ?? null, processQueryKey: (values.processQueryKey as string | null | undefined) ?? null, now }),
  };

  return {
    ...queuePort,
    queuePort,
    insertPending: (row: { idemKey: string; kind: string; payload: string; now: number }) => insertPending<number>(row),

    claimDue: (q: { now: number; afterId: number; limit: number; leaseUntil: number; owner?: string }) =>
      queue.claimDue({ now: q.now, after: [q.afterId], limit: q.limit, leaseUntil: q.leaseUntil, owner: q.owner }),

    markSent: (id: number, result: string, now: number, processQueryKey: string | null = null) => markDone({ id, result, processQueryKey, now }),


    async countOf(status: OutboxStatus): Promise<number> {
      const [r] = await db().select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, status));
      return r?.n ?? 0;
    },

    async oldestDueCreatedAt(now: number): Promise<number | null> {
      const due = and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now));
      const [r] = await db().select({ at: min(outboxMessages.createdAt) }).from(outboxMessages).where(due);
      return r?.at ?? null;
    },

    /** Rows of one kind whose idemKey starts with `prefix`, oldest first (byte order, as on SQLite, whatever the locale). */
    async withKeyPrefix(prefix: string, kind: string): Promise<Pick<OutboxRow, 'idemKey' | 'status' | 'updatedAt'>[]> {
      const key = sql`${outboxMessages.idemKey} collate "C"`;
      const range = sql`${key} >= ${prefix} and ${key} < ${`${prefix}\u{10FFFF}`}`;
      return db()
        .select({ idemKey: outboxMessages.idemKey, status: outboxMessages.status, updatedAt: outboxMessages.updatedAt })
        .from(outboxMessages)
        .where(and(range, eq(outboxMessages.kind, kind)))
        .orderBy(asc(outboxMessages.id));
    },

    async list(q: { status: OutboxStatus; limit: number; before?: number }): Promise<{ items: OutboxRow[] }> {
      const where = and(eq(outboxMessages.status, q.status), q.before === undefined ? undefined : lt(outboxMessages.id, q.before));
      return { items: await db().select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.id)).limit(q.limit) };
    },

    /** Drops a pending or dead row from the queue; the row stays so its idemKey keeps deduping. */
    async discard(id: number, now: number): Promise<boolean> {
      const r = await db()
        .update(outboxMessages)
        .set({ status: 'discarded', updatedAt: now })
        .where(and(byId(id), inArray(outboxMessages.status, ['pending', 'dead'])));
      return (r.rowCount ?? 0) > 0;
    },
  };
}
