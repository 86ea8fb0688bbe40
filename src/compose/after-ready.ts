import { runBackgroundJob, type BackgroundJob } from '../domain/jobs/background-job.js';
import { totalsBackfillJobs } from '../domain/reports/daily-totals-backfill.js';
import { eventTotalsBackfillJobs } from '../domain/reports/event-totals-backfill.js';
import type { Repositories } from './repositories.js';
import { createRetention } from './retention-module.js';

/**
 * Work that grows with the data never runs before the service is ready: once it answers (main.ts
 * calls `start` after listening), the retention timer starts (its purge works in batches) and the
 * one-off backfills (name tokens, the dashboard's running totals) run, one after the other, in batches that yield. `stop` ends them between batches.
 */
export function createAfterReady(deps: {
  retention: Parameters<typeof createRetention>[0];
  jobs: readonly BackgroundJob[];
  repos: Pick<Repositories, 'jobs' | 'totalsBackfill' | 'eventTotalsBackfill'>;
  /** Set while the backfills run (the `background_jobs_running` gauge reads it). */
  state?: { running: boolean };
}) {
  const retention = createRetention(deps.retention);
  const { clock, logger } = deps.retention;
  const jobsRepo = deps.repos.jobs;
  // The running totals' one-off backfills (what was there before daily_totals) come after the others.
  const jobs = [...deps.jobs, ...totalsBackfillJobs(deps.repos.totalsBackfill, clock), ...eventTotalsBackfillJobs(deps.repos.eventTotalsBackfill, clock)];
  let stopping = false;
  let running: Promise<void> | undefined;
  async function runJobs(): Promise<void> {
    if (deps.state) deps.state.running = true;
    for (const job of jobs) {
      try {
        const { outcome, batches, longestBatchMs } = await runBackgroundJob({ jobs: jobsRepo, clock }, job, () => stopping);
        logger.info({ code: 'background_job.ended', job: job.name, outcome, batches, longestBatchMs: Math.round(longestBatchMs) }, 'background job');
      } catch (err) {
        logger.error({ code: 'background_job.failed', job: job.name, err: (err as Error).message }, 'background job failed');
      }
    }
    if (deps.state) deps.state.running = false;
  }
  return {
    /** Retention wired with its targets (the CLI builds its own with createRetention). */
    retention,
    start(): void {
      if (running || stopping) return;
      retention.timer.start();
      running = runJobs();
    },
    /** Resolves once the backfills have run out or stopped (before the database closes). */
    async idle(): Promise<void> {
      await running;
    },
    /** Ends the backfills between batches and the retention timer, and waits for a purge still going. */
    async stop(): Promise<void> {
      stopping = true;
      await running;
      await retention.timer.stop();
      await retention.job.idle();
    },
  };
}
