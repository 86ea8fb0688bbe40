import type { Logger } from '../shared/logger.js';

/** A topic whose claims can be taken over once their holder's lease ran out. */
export interface ExpiredTakeover {
  takeOverExpired(): Promise<number>;
}

/**
 * The periodic takeover of inbound claims whose holder died (its lease ran out while nobody extended
 * it): every `intervalMs`, each topic's expired claims are taken over and handled here. On PostgreSQL
 * the take runs under `FOR UPDATE SKIP LOCKED`, so two instances sweeping at once take each claim once.
 * Stopping ends the timer and waits for the sweep in progress.
 */
export function createInboundSweep(deps: { topics: ExpiredTakeover[]; intervalMs: number; logger: Logger }) {
  const { topics, intervalMs, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function sweepAll(): Promise<number> {
    let n = 0;
    for (const topic of topics) {
      try {
        n += await topic.takeOverExpired();
      } catch (err) {
        logger.warn({ code: 'inbound.sweep_failed', err: (err as Error).message }, 'inbound takeover sweep failed');
      }
    }
    if (n > 0) logger.warn({ code: 'inbound.taken_over', count: n }, 'inbound claims of a lapsed instance taken over');
    return n;
  }

  /** One sweep now; a sweep asked for while one runs joins it (sweeps never overlap). */
  function sweepOnce(): Promise<number> {
    if (running) return running;
    running = sweepAll().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    sweepOnce,
    start(): void {
      if (timer) return;
      timer = setInterval(() => void sweepOnce(), intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type InboundSweep = ReturnType<typeof createInboundSweep>;
