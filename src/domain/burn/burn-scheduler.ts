import type { Logger } from '../../shared/logger.js';

export const DEFAULT_BURN_POLL_MS = 250;

/**
 * Drives destruction from the deadlines in the database: no timer is the source of truth, the
 * `dueAt` column is. `start()` first destroys everything that fell due while the service was down and
 * only then resolves (the service awaits it before it takes any request), then polls the indexed
 * "what is due" query every `pollMs`. Runs never overlap; a run asked for during one follows it.
 */
export function createBurnScheduler(deps: { destroyDue: () => Promise<number>; logger: Logger; pollMs?: number }) {
  const pollMs = deps.pollMs ?? DEFAULT_BURN_POLL_MS;
  const log = deps.logger.child({ component: 'burn-scheduler' });
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  function runNow(): Promise<number> {
    const run = chain.then(() => deps.destroyDue());
    chain = run.catch(() => 0);
    return run;
  }

  async function tick(): Promise<void> {
    try {
      const n = await runNow();
      if (n > 0) log.info({ destroyed: n }, 'burn-after-reading items destroyed');
    } catch (err) {
      log.error({ code: (err as { code?: string }).code ?? 'internal' }, 'burn run failed');
    }
    if (started) timer = setTimeout(() => void tick(), pollMs).unref();
  }

  return {
    runNow,

    async start(): Promise<void> {
      if (started) return;
      const overdue = await runNow();
      if (overdue > 0) log.info({ destroyed: overdue }, 'overdue burn-after-reading items destroyed on start');
      started = true;
      timer = setTimeout(() => void tick(), pollMs).unref();
    },

    async stop(): Promise<void> {
      started = false;
      clearTimeout(timer);
      await chain;
    },
  };
}

export type BurnScheduler = ReturnType<typeof createBurnScheduler>;
