/**
 * Polls until `check` returns (or resolves to) a value that is not undefined/false (or stops throwing), then returns it;
 * fails after `timeoutMs`. For "this should happen soon" in flows with asynchronous delivery, instead
 * of a fixed sleep that flakes on a busy machine. `check` may be async (storage reads are): it is awaited.
 */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
