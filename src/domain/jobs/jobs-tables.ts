import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One-off background jobs that run after the service is ready (backfills), in batches: where the
 * last batch stopped, and when the job finished (a finished job is never walked again).
 */
export const backgroundJobs = sqliteTable('background_jobs', {
  name: text().primaryKey(),
  cursor: text(),
  doneAt: integer(),
});
