import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Running totals for the admin dashboard: one count per Hong Kong day × metric × dimension (the
 * dimension is '' where a metric has none, e.g. a denial's reason otherwise). Kept up to date in the
 * same transaction as the event it counts, so the dashboard reads a few rows per day, never the events.
 */
export const dailyTotals = sqliteTable(
  'daily_totals',
  {
    /** Days since 1970-01-01 in Hong Kong time. */
    day: integer().notNull(),
    metric: text().notNull(),
    dimension: text().notNull().default(''),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.metric, t.dimension] })],
);
