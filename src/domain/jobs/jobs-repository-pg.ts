import { eq } from 'drizzle-orm';
import { backgroundJobs } from '../../db/pg/jobs-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { JobsRepository } from './jobs-repository.js';

/** background_jobs on PostgreSQL: the same port as jobs-repository.ts. */
export function createPgJobsRepository(store: PgStore): JobsRepository {
  return {
    async state(name) {
      const rows = await store.db().select({ cursor: backgroundJobs.cursor, doneAt: backgroundJobs.doneAt }).from(backgroundJobs).where(eq(backgroundJobs.name, name));
      return rows[0];
    },
    async save(name, state) {
      await store.db().insert(backgroundJobs).values({ name, ...state }).onConflictDoUpdate({ target: backgroundJobs.name, set: state });
    },
  };
}
