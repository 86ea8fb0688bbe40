import type { TokenDto } from '../../../src/contract/auth.js';
import { ApiError, NETWORK_ERROR, toApiError } from './api-error.js';

/** The part of a sign-in or refresh answer the client keeps (src/contract/auth.ts). */
export type TokenAnswer = Pick<TokenDto, 'accessToken'>;

export interface ApiClient {
  /** A JSON call with the access token; one silent refresh and retry on 401. */
  call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /**
   * A binary answer with the access token (the secure viewer's PDF): a GET, or with `body` a JSON POST
   * (a view token travels in the body, never the URL); same refresh-and-retry as `call`.
   */
  callBytes(path: string, body?: unknown): Promise<ArrayBuffer>;
  /** As callBytes, with the response headers (e.g. a burn document's `x-burn-remaining`). */
  fetchBytes(path: string, body?: unknown): Promise<{ bytes: ArrayBuffer; headers: Headers }>;
  /** POSTs a file as the raw body (the compose screens' uploads), JSON answer; same refresh-and-retry as `call`. */
  upload<T>(path: string, file: Blob): Promise<T>;
  /** Trades a DingTalk auth code for a session (access token here, refresh token in an HttpOnly cookie). */
  signInWithCode(code: string): Promise<void>;
  /** Uses the refresh cookie; true when a new access token was obtained. */
  refresh(): Promise<boolean>;
  /** Ends the login on the server (refresh cookie revoked) and forgets the access token. */
  signOut(): Promise<void>;
  readonly signedIn: boolean;
}

/**
 * The access token lives in this closure only — never localStorage or sessionStorage — so a script
 * injected later, or someone with the device, cannot lift it from storage; a reload re-obtains it via
 * the refresh cookie. Refreshes are single-flight: several 401s at once cause one refresh, because
 * the server rotates refresh tokens and treats a second use of the same one as theft.
 */
export function createApiClient(opts: { fetch?: typeof fetch; onSignedOut?: () => void } = {}): ApiClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  let accessToken: string | null = null;
  let refreshing: Promise<boolean> | null = null;

  async function send(path: string, method: string, body: unknown, withToken: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const raw = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
    if (withToken && accessToken) headers.authorization = `Bearer ${accessToken}`;
    try {
      return await doFetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, 'network error');
    }
  }

  async function takeToken(res: Response): Promise<void> {
    if (!res.ok) throw await toApiError(res);
    const data = (await res.json()) as Partial<TokenAnswer>;
    if (typeof data.accessToken !== 'string' || !data.accessToken) throw new ApiError(res.status, 'auth.invalid', 'no access token');
    accessToken = data.accessToken;
  }

  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const res = await send('/api/auth/refresh', 'POST', undefined, false);
        if (!res.ok) {
          accessToken = null;
          return false;
        }
        await takeToken(res);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.code === NETWORK_ERROR) throw err;
        accessToken = null;
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  return {
    get signedIn() {
      return accessToken !== null;
    },
    async call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      let res = await send(path, method, init.body, true);
      if (res.status === 401 && (await refresh())) res = await send(path, method, init.body, true);
      if (res.status === 401) {
        accessToken = null;
        opts.onSignedOut?.();
      }
      if (!res.ok) throw await toApiError(res);
      if (res.status === 204) return undefined as T;
      return (await res.json()) as T;
    },
    async callBytes(path: string, body?: unknown): Promise<ArrayBuffer> {
      return (await this.fetchBytes(path, body)).bytes;
    },
    async fetchBytes(path: string, body?: unknown): Promise<{ bytes: ArrayBuffer; headers: Headers }> {
      const method = body === undefined ? 'GET' : 'POST';
      let res = await send(path, method, body, true);
      if (res.status === 401 && (await refresh())) res = await send(path, method, body, true);
      if (!res.ok) throw await toApiError(res);
      return { bytes: await res.arrayBuffer(), headers: res.headers };
    },
    async upload<T>(path: string, file: Blob): Promise<T> {
      let res = await send(path, 'POST', file, true);
      if (res.status === 401 && (await refresh())) res = await send(path, 'POST', file, true);
      if (!res.ok) throw await toApiError(res);
      return (await res.json()) as T;
    },
    async signInWithCode(code: string): Promise<void> {
      await takeToken(await send('/api/auth/dingtalk', 'POST', { code }, false));
    },
    refresh,
    async signOut() {
      accessToken = null;
      // Best effort: the page forgets the session either way; a failed call leaves a cookie that expires.
      await send('/api/auth/logout', 'POST', undefined, false).catch(() => undefined);
    },
  };
}
