import { pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/jobs/jobs-tables.ts (kept in step by test/unit/pg-schema-twins.test.ts). */
export const backgroundJobs = pgTable('background_jobs', {
  name: text().primaryKey(),
  cursor: text(),
  doneAt: ms(),
});
