/**
 * Runs a queue worker's claimed rows as a sliding window rather than in batches: at most `limit` jobs
 * admitted and unfinished at a time; jobs of one lane run one after another in admission order, lanes
 * in parallel. A free slot is refilled as soon as any job ends, so one slow call (a 10 s timeout) holds
 * its own lane and one slot, not the whole batch it was claimed with.
 */
export function createLaneRunner(limit: number) {
  const tails = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  let firstError: { error: unknown } | undefined;
  // One shared "a job finished" signal: Promise.race over the whole window on every wait would add a
  // reaction to each running job per call (quadratic in the window under a long backlog).
  let finished: { promise: Promise<void>; resolve: () => void } | undefined;

  return {
    /** Admitted jobs that have not finished (queued behind their lane or running). */
    get size(): number {
      return running.size;
    },
    get free(): number {
      return Math.max(0, limit - running.size);
    },
    /** The first error a job threw, if any (the remaining jobs still run). */
    get failure(): { error: unknown } | undefined {
      return firstError;
    },

    add(lane: string, job: () => Promise<void>): void {
      const before = tails.get(lane);
      // A lane goes on after a job that threw: the row it was working on keeps its lease.
      const p: Promise<void> = (before ? before.then(job) : job()).catch((error: unknown) => {
        firstError ??= { error };
      });
      tails.set(lane, p);
      running.add(p);
      void p.then(() => {
        running.delete(p);
        if (tails.get(lane) === p) tails.delete(lane);
        const signal = finished;
        finished = undefined;
        signal?.resolve();
      });
    },

    /** Resolves once any admitted job has finished (at once when none is admitted). */
    oneDone(): Promise<void> {
      if (!running.size) return Promise.resolve();
      if (!finished) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        finished = { promise, resolve };
      }
      return finished.promise;
    },

    async allDone(): Promise<void> {
      while (running.size) await Promise.all(running);
    },
  };
}

export type LaneRunner = ReturnType<typeof createLaneRunner>;

/** Waits for `other`, a `wake()` (a new row was queued) or `ms`, whichever comes first; no timer is left behind. */
export function createWakeup() {
  let wakeWaiter: (() => void) | undefined;
  return {
    wake(): void {
      wakeWaiter?.();
    },
    waitFor(other: Promise<unknown>, ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const t = setTimeout(done, ms);
        function done(): void {
          clearTimeout(t);
          if (wakeWaiter === done) wakeWaiter = undefined;
          resolve();
        }
        wakeWaiter = done;
        void other.then(done, done);
      });
    },
  };
}
