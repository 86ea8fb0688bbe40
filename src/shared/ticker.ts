import type { Logger } from './logger.js';

/**
 * Runs `work` now and then every `intervalMs`, for background jobs whose deadlines live in the
 * database (the timer only decides how soon a due row is noticed, never whether it is). A failing
 * run (thrown or rejected) is logged by code and the next one tries again; a tick that comes while
 * the previous (asynchronous) run is still going is skipped, so runs never overlap. The timer never keeps the
 * process alive.
 */
export function createTicker(name: string, work: () => unknown, intervalMs: number, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | undefined;
  const failed = (err: unknown): void => {
    logger.error({ code: `${name}.failed`, err: (err as Error).message }, `${name} run failed`);
  };
  const tick = (): void => {
    if (current) return;
    try {
      const out = work();
      if (out instanceof Promise) {
        current = out.catch(failed).finally(() => {
          current = undefined;
        });
      }
    } catch (err) {
      failed(err);
    }
  };
  return {
    start(): void {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    /** Stops the timer; resolves once a run still going has ended (so the database can be closed). */
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await current;
    },
    get running(): boolean {
      return timer !== undefined;
    },
  };
}

export type Ticker = ReturnType<typeof createTicker>;
