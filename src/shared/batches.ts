/** Gives the event loop a turn (timers, sockets, other requests) before the next batch of long work. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Long work in bounded steps: `step` handles at most `batch` rows and says how many it handled; it is
 * called again, after a turn of the event loop, until a step handles fewer than `batch`. Returns the
 * total. No step holds the loop for longer than one batch takes.
 */
export async function drainInBatches(step: (batch: number) => Promise<number> | number, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step(batch);
    total += n;
    if (n < batch) return total;
    await yieldToLoop();
  }
}
