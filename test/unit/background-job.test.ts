import { afterEach, describe, expect, it } from 'vitest';
import { createJobsRepository } from '../../src/domain/jobs/jobs-repository.js';
import { runBackgroundJob } from '../../src/domain/jobs/background-job.js';
import { ManualClock } from '../../src/shared/clock.js';
import { tempDb } from '../helpers/temp-db.js';

/** A one-off job after ready (issue 15): batches that yield, progress saved, and what it held the loop for logged. */
describe('background job runs', () => {
  const db = tempDb();
  afterEach(() => db.cleanup());

  it('runs every batch to the end, resumes where a stopped run left off, and reports its batches and the longest', async () => {
    const jobs = createJobsRepository(db.db, db.store);
    const clock = new ManualClock(1_000);
    const seen: (string | null)[] = [];
    const job = {
      name: 'count_to_five',
      step: async (cursor: string | null) => {
        seen.push(cursor);
        const n = Number(cursor ?? 0) + 1;
        if (n === 3) {
          const until = performance.now() + 15; // one batch that holds the loop ~15 ms
          while (performance.now() < until);
        }
        return n < 5 ? String(n) : null;
      },
    };
    let stopAfter = 2;
    expect(await runBackgroundJob({ jobs, clock }, job, () => seen.length >= stopAfter)).toMatchObject({ outcome: 'stopped', batches: 2 });
    stopAfter = Infinity;
    const run = await runBackgroundJob({ jobs, clock }, job);
    expect([run.outcome, run.batches, seen]).toEqual(['done', 3, [null, '1', '2', '3', '4']]);
    expect(run.longestBatchMs).toBeGreaterThanOrEqual(15);
    expect(await runBackgroundJob({ jobs, clock }, job)).toEqual({ outcome: 'done', batches: 0, longestBatchMs: 0 });
    expect(await jobs.state('count_to_five')).toEqual({ cursor: null, doneAt: 1_000 });
  });
});
