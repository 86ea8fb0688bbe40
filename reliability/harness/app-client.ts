import type { Simulator } from '../../src/sandbox/simulator.js';

/**
 * The mini-app's side of the HTTP API as the scenarios use it: sign-in with a simulator auth code
 * (cached per user) and calls with that bearer token, one fresh sign-in on 401. `baseUrl()` is asked
 * on every call, so a cluster can spread calls over its live instances as a load balancer would.
 */
export interface AppClient {
  /** Signs in to the mini-app API as a demo user (an auth code from the simulator), cached per user. */
  token(userId: string, fresh?: boolean): Promise<string>;
  /** A mini-app API call as `userId`; one fresh sign-in on 401. */
  api(userId: string, method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export function createAppClient(sim: Simulator, baseUrl: () => string): AppClient {
  const tokens = new Map<string, string>();
  const client: AppClient = {
    async token(userId, fresh = false) {
      if (!fresh && tokens.has(userId)) return tokens.get(userId)!;
      // As the mini-app does: a refused code (one a timed-out exchange already used) or an outage
      // (503 while DingTalk fails) gets a fresh code from dd.requestAuthCode and another try.
      let last = '';
      for (let attempt = 0; attempt < 6; attempt++) {
        const res = await fetch(`${baseUrl()}/api/auth/dingtalk`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: sim.issueAuthCode(userId) }),
        });
        if (res.status === 200) {
          const token = ((await res.json()) as { accessToken: string }).accessToken;
          tokens.set(userId, token);
          return token;
        }
        last = `${res.status} ${await res.text()}`;
        if (res.status !== 401 && res.status !== 503) break;
        await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
      }
      throw new Error(`sign-in as ${userId} failed: ${last}`);
    },
    async api(userId, method, path, body, headers = {}) {
      const send = async (fresh: boolean) => {
        const raw = Buffer.isBuffer(body) || typeof body === 'string';
        return fetch(`${baseUrl()}${path}`, {
          method,
          headers: {
            ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }),
            ...headers,
            authorization: `Bearer ${await client.token(userId, fresh)}`,
          },
          body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
        });
      };
      const res = await send(false);
      return res.status === 401 ? send(true) : res;
    },
  };
  return client;
}
