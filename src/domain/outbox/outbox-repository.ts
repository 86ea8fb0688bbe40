import { and, asc, count, desc, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { outboxMessages, type OutboxStatus } from './outbox-tables.js';

export type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * What `insertPending` can run on: the db itself or a drizzle transaction handle, so an intent can
 * be enqueued in the same synchronous transaction as the state change that caused it.
 */
export type OutboxExecutor = Pick<Db, 'insert' | 'select'>;

/** Named queries over outbox_messages; the only place that knows its SQL. */
export function createOutboxRepository(db: Db) {
  const byId = (id: number) => eq(outboxMessages.id, id);
  const isPending = eq(outboxMessages.status, 'pending');
  // Prepared once: every outbound message is inserted and marked sent.
  const insertStmt = db
    .insert(outboxMessages)
    .values({
      idemKey: sql.placeholder('idemKey'),
      kind: sql.placeholder('kind'),
      payload: sql.placeholder('payload'),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: sql.placeholder('now'),
      createdAt: sql.placeholder('now'),
      updatedAt: sql.placeholder('now'),
    })
    .onConflictDoNothing({ target: outboxMessages.idemKey })
    .returning({ id: outboxMessages.id })
    .prepare();
  const markSentStmt = db
    .update(outboxMessages)
    .set({
      status: 'sent',
      result: sql`${sql.placeholder('result')}`,
      processQueryKey: sql`${sql.placeholder('processQueryKey')}`,
      lastError: null,
      owner: null,
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(and(eq(outboxMessages.id, sql.placeholder('id')), ne(outboxMessages.status, 'sent')))
    .prepare();

  return {
    /** Inserts a pending row; a duplicate idemKey inserts nothing and returns the existing row's id. */
    insertPending(
      row: { idemKey: string; kind: string; payload: string; now: number },
      tx: OutboxExecutor = db,
    ): { id: number; created: boolean } {
      const inserted =
        tx === db
          ? insertStmt.all(row)
          : tx
              .insert(outboxMessages)
              .values({
                idemKey: row.idemKey,
                kind: row.kind,
                payload: row.payload,
                status: 'pending',
                attempts: 0,
                nextAttemptAt: row.now,
                createdAt: row.now,
                updatedAt: row.now,
              })
              .onConflictDoNothing({ target: outboxMessages.idemKey })
              .returning({ id: outboxMessages.id })
              .all();
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const existing = tx
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(eq(outboxMessages.idemKey, row.idemKey))
        .get();
      return { id: existing!.id, created: false };
    },

    findById(id: number): OutboxRow | undefined {
      return db.select().from(outboxMessages).where(byId(id)).get();
    },

    findByIdemKey(idemKey: string): OutboxRow | undefined {
      return db.select().from(outboxMessages).where(eq(outboxMessages.idemKey, idemKey)).get();
    },

    /**
     * Takes up to `limit` due pending rows with id > afterId, in id order, and leases them: their
     * next_attempt_at moves to `leaseUntil` and attempts goes up by one, in one transaction. A
     * process that dies mid-send thus leaves the row to be picked up again once the lease runs out.
     */
    claimDue(q: { now: number; afterId: number; limit: number; leaseUntil: number; owner?: string }): OutboxRow[] {
      return db.transaction((tx) => {
        const ids = tx
          .select({ id: outboxMessages.id })
          .from(outboxMessages)
          .where(and(isPending, lte(outboxMessages.nextAttemptAt, q.now), gt(outboxMessages.id, q.afterId)))
          .orderBy(asc(outboxMessages.id))
          .limit(q.limit)
          .all()
          .map((r) => r.id);
        if (ids.length === 0) return [];
        const rows = tx
          .update(outboxMessages)
          .set({
            nextAttemptAt: q.leaseUntil,
            owner: q.owner ?? null,
            attempts: sql`${outboxMessages.attempts} + 1`,
            updatedAt: q.now,
          })
          .where(and(inArray(outboxMessages.id, ids), isPending))
          .returning()
          .all();
        return rows.sort((a, b) => a.id - b.id);
      });
    },

    /**
     * Records delivery, its result and DingTalk's processQueryKey in one statement (one transaction); a
     * sent row is never picked again.
     */
    markSent(id: number, result: string, now: number, processQueryKey: string | null = null): boolean {
      return markSentStmt.run({ id, result, now, processQueryKey }).changes === 1;
    },

    /**
     * At start: sends that an earlier run of this instance leased and never finished are due now instead
     * of when their lease runs out. Each was in flight at most once, so it repeats at most once.
     */
    releaseOwn(owner: string, now: number): number {
      return db
        .update(outboxMessages)
        .set({ nextAttemptAt: now, owner: null, updatedAt: now })
        .where(and(isPending, eq(outboxMessages.owner, owner)))
        .run().changes;
    },

    markRetry(id: number, nextAttemptAt: number, lastError: string, now: number): boolean {
      return (
        db
          .update(outboxMessages)
          .set({ nextAttemptAt, lastError, owner: null, updatedAt: now })
          .where(and(byId(id), isPending))
          .run().changes === 1
      );
    },

    markDead(id: number, lastError: string, now: number): boolean {
      return (
        db
          .update(outboxMessages)
          .set({ status: 'dead', lastError, owner: null, updatedAt: now })
          .where(and(byId(id), isPending))
          .run().changes === 1
      );
    },

    /** Newest first, for the admin console. */
    list(q: { status: OutboxStatus; limit: number; offset: number }): { items: OutboxRow[]; total: number } {
      const where = eq(outboxMessages.status, q.status);
      const items = db
        .select()
        .from(outboxMessages)
        .where(where)
        .orderBy(desc(outboxMessages.id))
        .limit(q.limit)
        .offset(q.offset)
        .all();
      const total = db.select({ n: count() }).from(outboxMessages).where(where).get()?.n ?? 0;
      return { items, total };
    },

    countByStatus(): Partial<Record<OutboxStatus, number>> {
      const rows = db
        .select({ status: outboxMessages.status, n: count() })
        .from(outboxMessages)
        .groupBy(outboxMessages.status)
        .all();
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },

    /** Puts a dead row back in the queue with a fresh attempt budget. */
    retryDead(id: number, now: number): boolean {
      return (
        db
          .update(outboxMessages)
          .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
          .where(and(byId(id), eq(outboxMessages.status, 'dead')))
          .run().changes === 1
      );
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
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
