import type { Clock } from '../../shared/clock.js';

/**
 * Caches the app access token (7200 s) and refreshes it a little before expiry (reference §3.4).
 * Refresh is single-flight: concurrent callers that find no valid token share one request, because
 * the token API is itself rate limited.
 */
export interface FetchedToken {
  token: string;
  /** Lifetime in seconds, as DingTalk's `expireIn`. */
  expiresInSec: number;
}

export interface TokenCache {
  get(): Promise<string>;
  /** Drops `stale` if it is still the cached token (a newer one fetched meanwhile is kept). */
  invalidate(stale: string): void;
}

export function createTokenCache(deps: {
  fetchToken: () => Promise<FetchedToken>;
  clock: Clock;
  /** Refresh this long before the announced expiry; default 300 s, as the official Python SDK. */
  refreshMarginMs?: number;
}): TokenCache {
  const margin = deps.refreshMarginMs ?? 300_000;
  let cached: { token: string; refreshAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const fetched = await deps.fetchToken();
    const lifetime = fetched.expiresInSec * 1000;
    // A very short lifetime would make the margin negative; then use half of it instead.
    const refreshAt = deps.clock.now() + (lifetime > margin * 2 ? lifetime - margin : lifetime / 2);
    cached = { token: fetched.token, refreshAt };
    return fetched.token;
  }

  return {
    get() {
      if (cached && deps.clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      if (!inflight) {
        inflight = refresh().finally(() => {
          inflight = null;
        });
      }
      return inflight;
    },
    invalidate(stale) {
      if (cached?.token === stale) cached = null;
    },
  };
}
