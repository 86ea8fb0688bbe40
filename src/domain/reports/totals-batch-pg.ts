import { eq } from 'drizzle-orm';
import { backgroundJobs } from '../../db/pg/jobs-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { addTotalsPg } from './daily-totals-repository-pg.js';
import { tally } from './daily-totals.js';
import type { TotalsStep } from './totals-batch.js';

/** Saves a backfill's cursor in the batch's own transaction (null: done at `now`). */
export const saveBackfillPg = async (store: PgStore, name: string, cursor: string | null, now: number): Promise<void> => {
  await store.db().update(backgroundJobs).set({ cursor, doneAt: cursor === null ? now : null }).where(eq(backgroundJobs.name, name));
};

/** One batch of the backfill `name` on PostgreSQL, as runTotalsBatch (totals-batch.ts) on SQLite: rows, totals and cursor in one transaction. */
export function runTotalsBatchPg(store: PgStore, name: string, now: number, read: () => Promise<TotalsStep>): Promise<string | null> {
  return store.transaction(async () => {
    const { totals, next } = await read();
    await addTotalsPg(store, tally(totals));
    await saveBackfillPg(store, name, next, now);
    return next;
  });
}
