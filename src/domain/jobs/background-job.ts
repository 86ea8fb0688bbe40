import type { Clock } from '../../shared/clock.js';
import { yieldToLoop } from '../../shared/batches.js';
import type { JobsRepository } from './jobs-repository.js';

/** One batch of a job: from `cursor` (null: the start), answers where the next batch starts (null: done). */
export type JobStep = (cursor: string | null) => Promise<string | null>;

export interface BackgroundJob {
  name: string;
  step: JobStep;
}

/** How a run went: its outcome, the batches it ran and the longest one (what it held the event loop, on SQLite). */
export interface JobRun {
  outcome: 'done' | 'stopped';
  batches: number;
  longestBatchMs: number;
}

/**
 * Runs a one-off job (a backfill) after the service is ready: batch after batch, the event loop
 * getting a turn between them, its progress saved after each so a restart resumes where it stopped.
 * A finished job does nothing at all (one row read). `stopping()` ends it between batches.
 */
export async function runBackgroundJob(deps: { jobs: JobsRepository; clock: Clock }, job: BackgroundJob, stopping: () => boolean = () => false): Promise<JobRun> {
  const run: JobRun = { outcome: 'done', batches: 0, longestBatchMs: 0 };
  const state = await deps.jobs.state(job.name);
  if (state?.doneAt != null) return run;
  let cursor = state?.cursor ?? null;
  for (;;) {
    if (stopping()) return { ...run, outcome: 'stopped' };
    const t0 = performance.now();
    const next = await job.step(cursor);
    await deps.jobs.save(job.name, { cursor: next, doneAt: next === null ? deps.clock.now() : null });
    run.batches++;
    run.longestBatchMs = Math.max(run.longestBatchMs, performance.now() - t0);
    if (next === null) return run;
    cursor = next;
    await yieldToLoop();
  }
}
