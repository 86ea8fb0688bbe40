import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { TotalMetric, TotalRow } from './daily-totals.js';
import { dailyTotals } from './totals-tables.js';

/** Adds rows to the running totals; call inside the transaction that records the events counted. */
export function addTotals(db: Db, rows: readonly TotalRow[]): void {
  if (rows.length === 0) return;
  db.insert(dailyTotals)
    .values(rows.map((r) => ({ ...r })))
    .onConflictDoUpdate({ target: [dailyTotals.day, dailyTotals.metric, dailyTotals.dimension], set: { n: sql`${dailyTotals.n} + excluded.n` } })
    .run();
}

/** The dashboard's reads of daily_totals (a few rows per day; never the events). Every method answers with a Promise. */
export function createDailyTotalsRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    /** Rows of these metrics for days fromDay…toDay (inclusive). */
    between(fromDay: number, toDay: number, metrics: readonly TotalMetric[]): TotalRow[] {
      return db
        .select()
        .from(dailyTotals)
        .where(and(gte(dailyTotals.day, fromDay), lte(dailyTotals.day, toDay), inArray(dailyTotals.metric, [...metrics])))
        .all() as TotalRow[];
    },
  });
}

export type DailyTotalsRepository = ReturnType<typeof createDailyTotalsRepository>;
