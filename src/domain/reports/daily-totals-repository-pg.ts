import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { dailyTotals } from '../../db/pg/totals-tables.js';
import type { TotalRow } from './daily-totals.js';
import type { DailyTotalsRepository } from './daily-totals-repository.js';

/** Adds rows to the running totals on PostgreSQL; call inside the transaction that records the events counted. */
export async function addTotalsPg(store: PgStore, rows: readonly TotalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await store
    .db()
    .insert(dailyTotals)
    .values(rows.map((r) => ({ ...r })))
    .onConflictDoUpdate({ target: [dailyTotals.day, dailyTotals.metric, dailyTotals.dimension], set: { n: sql`${dailyTotals.n} + excluded.n` } });
}

/** daily_totals on PostgreSQL: the same port as daily-totals-repository.ts. */
export function createPgDailyTotalsRepository(store: PgStore): DailyTotalsRepository {
  return {
    async between(fromDay, toDay, metrics) {
      const rows = await store
        .db()
        .select()
        .from(dailyTotals)
        .where(and(gte(dailyTotals.day, fromDay), lte(dailyTotals.day, toDay), inArray(dailyTotals.metric, [...metrics])));
      return rows as TotalRow[];
    },
  };
}
