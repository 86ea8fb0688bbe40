import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { BackgroundJob } from '../jobs/background-job.js';
import { backgroundJobs } from '../jobs/jobs-tables.js';
import { addTotals } from './daily-totals-repository.js';
import { tally, type TotalKey } from './daily-totals.js';

/** What one batch of a running-totals backfill read: the totals its rows add, and the job's next cursor (null: done). */
export interface TotalsStep {
  totals: Iterable<TotalKey | undefined>;
  next: string | null;
}

/** One batch of a backfill as either store runs it: from the saved cursor, `limit` rows, at `now`; answers the next cursor. */
export type BatchOf = (cursor: string, limit: number, now: number) => Promise<string | null>;

/** Saves a backfill's cursor in the batch's own transaction (null: done at `now`). */
export const saveBackfill = (tx: Db, name: string, cursor: string | null, now: number) =>
  tx.update(backgroundJobs).set({ cursor, doneAt: cursor === null ? now : null }).where(eq(backgroundJobs.name, name)).run();

/**
 * One batch of the backfill `name` on SQLite: `read` picks the rows and what they add; their totals
 * and the job's next cursor are written in the same transaction, so a stop between batches neither
 * loses nor repeats a count. Answers the next cursor (null: done).
 */
export function runTotalsBatch(db: Db, name: string, now: number, read: (tx: Db) => TotalsStep): string | null {
  return db.transaction((t) => {
    const tx = t as unknown as Db;
    const { totals, next } = read(tx);
    addTotals(tx, tally(totals));
    saveBackfill(tx, name, next, now);
    return next;
  });
}

/** The cursor after a keyset batch: null when it came short (nothing is left), else the last row's `key`. */
export const afterLast = <R>(rows: readonly R[], limit: number, key: (last: R) => string): string | null => {
  const last = rows.at(-1);
  return rows.length < limit || last === undefined ? null : key(last);
};

/** Backfills as after-ready jobs: each step runs one batch of its size from the saved cursor (none: the job is done). */
export function backfillJobs(clock: Clock, jobs: ReadonlyArray<readonly [name: string, limit: number, batch: BatchOf]>): BackgroundJob[] {
  return jobs.map(([name, limit, batch]) => ({ name, step: async (cursor: string | null) => (cursor === null ? null : batch(cursor, limit, clock.now())) }));
}
