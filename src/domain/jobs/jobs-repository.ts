import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { backgroundJobs } from './jobs-tables.js';

export interface JobState {
  cursor: string | null;
  doneAt: number | null;
}

/** Where each one-off background job stands (background_jobs). Every method answers with a Promise. */
export function createJobsRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    state(name: string): JobState | undefined {
      return db.select({ cursor: backgroundJobs.cursor, doneAt: backgroundJobs.doneAt }).from(backgroundJobs).where(eq(backgroundJobs.name, name)).get();
    },
    /** Records progress (`doneAt` set: finished). */
    save(name: string, state: JobState): void {
      db.insert(backgroundJobs).values({ name, ...state }).onConflictDoUpdate({ target: backgroundJobs.name, set: state }).run();
    },
  });
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
