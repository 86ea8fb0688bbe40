import type { Logger } from './logger.js';

/**
 * Runs `work` now and then every `intervalMs`, for background jobs whose deadlines live in the
 * database (the timer only decides how soon a due row is noticed, never whether it is). A failing
 * run is logged by code and the next one tries again; the timer never keeps the process alive.
 * An asynchronous run that has not finished when the next tick comes makes that tick a no-op.
 */
export function createTicker(name: string, work: () => unknown, intervalMs: number, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  const fail = (err: unknown): void => {
    logger.error({ code: `${name}.failed`, err: (err as Error).message }, `${name} run failed`);
  };
  const tick = (): void => {
    if (busy) return;
    try {
      const out = work();
      if (out instanceof Promise) {
        busy = true;
        out.catch(fail).finally(() => (busy = false));
      }
    } catch (err) {
      fail(err);
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
