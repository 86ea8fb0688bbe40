import type { Logger } from './logger.js';

/**
 * Runs `work` now and then every `intervalMs`, for background jobs whose deadlines live in the
 * database (the timer only decides how soon a due row is noticed, never whether it is). A failing
 * run is logged by code and the next one tries again; the timer never keeps the process alive.
 */
export function createTicker(name: string, work: () => unknown, intervalMs: number, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    try {
      work();
    } catch (err) {
      logger.error({ code: `${name}.failed`, err: (err as Error).message }, `${name} run failed`);
    }
  };
  return {
    start(): void {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
    get running(): boolean {
      return timer !== undefined;
    },
  };
}

export type Ticker = ReturnType<typeof createTicker>;
