/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random. The fixed half keeps
 * a floor under the wait (so a QPS window of ~1 s is respected); the random half spreads retries of
 * many callers so they do not hit the server in lock-step. `random` is injectable for tests.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const half = exp / 2;
  return Math.round(half + random() * half);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
