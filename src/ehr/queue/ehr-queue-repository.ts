import { and, asc, count, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ehrPending, type EhrPendingKind } from '../../domain/ehr/ehr-tables.js';

export type EhrPendingRow = typeof ehrPending.$inferSelect;

/** The db or a drizzle transaction handle, so a record can be queued in its caller's transaction. */
export type EhrQueueExecutor = Pick<Db, 'insert' | 'select'>;

/** Named queries over ehr_pending; the only place that knows its SQL. */
export function createEhrQueueRepository(db: Db) {
  const byId = (id: string) => eq(ehrPending.id, id);
  const isPending = eq(ehrPending.status, 'pending');

  return {
    /** Inserts a pending row; a repeated idemKey inserts nothing and returns the first row's id. */
    insertPending(
      row: { id: string; idemKey: string; kind: EhrPendingKind; payload: string; now: number },
      tx: EhrQueueExecutor = db,
    ): { id: string; created: boolean } {
      const inserted = tx
        .insert(ehrPending)
        .values({
          id: row.id,
          idemKey: row.idemKey,
          kind: row.kind,
          payload: row.payload,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: row.now,
          createdAt: row.now,
          updatedAt: row.now,
        })
        .onConflictDoNothing({ target: ehrPending.idemKey })
        .returning({ id: ehrPending.id })
        .all();
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const existing = tx.select({ id: ehrPending.id }).from(ehrPending).where(eq(ehrPending.idemKey, row.idemKey)).get();
      return { id: existing!.id, created: false };
    },

    findById(id: string): EhrPendingRow | undefined {
      return db.select().from(ehrPending).where(byId(id)).get();
    },

    /**
     * Leases up to `limit` due pending rows created after `after` (a cursor over createdAt, id): their
     * next_attempt_at moves to `leaseUntil` and attempts goes up, in one transaction, so a second
     * worker (or process) does not take the same row, and a crash mid-write retries after the lease.
     */
    claimDue(q: { now: number; after: { createdAt: number; id: string } | null; limit: number; leaseUntil: number }): EhrPendingRow[] {
      return db.transaction((tx) => {
        const cursor = q.after
          ? sql`(${ehrPending.createdAt}, ${ehrPending.id}) > (${q.after.createdAt}, ${q.after.id})`
          : undefined;
        const ids = tx
          .select({ id: ehrPending.id })
          .from(ehrPending)
          .where(and(isPending, lte(ehrPending.nextAttemptAt, q.now), cursor))
          .orderBy(asc(ehrPending.createdAt), asc(ehrPending.id))
          .limit(q.limit)
          .all()
          .map((r) => r.id);
        if (ids.length === 0) return [];
        return tx
          .update(ehrPending)
          .set({ nextAttemptAt: q.leaseUntil, attempts: sql`${ehrPending.attempts} + 1`, updatedAt: q.now })
          .where(and(inArray(ehrPending.id, ids), isPending))
          .returning()
          .all()
          .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
      });
    },

    /** Delivered: keep the EHR's id, erase the payload (the EHR now holds the record). */
    markDone(id: string, remoteId: string, now: number): boolean {
      return (
        db
          .update(ehrPending)
          .set({ status: 'done', remoteId, payload: '', lastError: null, updatedAt: now })
          .where(and(byId(id), isPending))
          .run().changes === 1
      );
    },

    markRetry(id: string, nextAttemptAt: number, lastError: string, now: number): boolean {
      return db.update(ehrPending).set({ nextAttemptAt, lastError, updatedAt: now }).where(and(byId(id), isPending)).run().changes === 1;
    },

    markFailed(id: string, lastError: string, now: number): boolean {
      return db.update(ehrPending).set({ status: 'failed', lastError, updatedAt: now }).where(and(byId(id), isPending)).run().changes === 1;
    },

    /** Puts a failed row back in the queue, due now. */
    retryFailed(id: string, now: number): boolean {
      return (
        db
          .update(ehrPending)
          .set({ status: 'pending', nextAttemptAt: now, updatedAt: now })
          .where(and(byId(id), eq(ehrPending.status, 'failed')))
          .run().changes === 1
      );
    },

    /** Every row not yet in the EHR (pending or failed), oldest first. */
    listOpen(): EhrPendingRow[] {
      return db.select().from(ehrPending).where(ne(ehrPending.status, 'done')).orderBy(asc(ehrPending.createdAt), asc(ehrPending.id)).all();
    },

    countPending(): number {
      return db.select({ n: count() }).from(ehrPending).where(isPending).get()?.n ?? 0;
    },
  };
}

export type EhrQueueRepository = ReturnType<typeof createEhrQueueRepository>;
