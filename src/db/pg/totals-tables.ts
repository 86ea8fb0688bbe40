import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** PostgreSQL twin of src/domain/reports/totals-tables.ts (kept in step by test/unit/pg-schema-twins.test.ts). */
export const dailyTotals = pgTable(
  'daily_totals',
  {
    day: integer().notNull(),
    metric: text().notNull(),
    dimension: text().notNull().default(''),
    n: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.metric, t.dimension] })],
);
