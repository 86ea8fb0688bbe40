/**
 * Test helpers around the DingTalk simulator: start one (optionally with the demo org), point the
 * real `dingtalk-stream` SDK at it, and build OpenAPI clients bound to its bases.
 */
import axios, { type AxiosInstance } from 'axios';
import { onTestFinished, vi } from 'vitest';
import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import { seedDemoOrg, DEMO_ORG, type SeededDemoOrg } from '../../src/sandbox/demo-org.js';
import { startSimulator, type Simulator } from '../../src/sandbox/simulator.js';
import type { SimulatorOptions } from '../../src/sandbox/sim-types.js';

export { startSimulator, seedDemoOrg, DEMO_ORG };
export type { Simulator, SimulatorOptions, SeededDemoOrg };
export type { SentEntry, AckRecord } from '../../src/sandbox/sim-types.js';

/** Runs `fn` when the current test ends; outside a test (e.g. in beforeAll) the caller cleans up itself. */
function closeAfterTest(fn: () => unknown): void {
  try {
    onTestFinished(async () => {
      await fn();
    });
  } catch {
    // not inside a running test
  }
}

/**
 * A simulator with the demo org loaded; `demo.groups.cardiologyConsult` etc. name the groups.
 * Started inside a test, it closes itself when the test ends.
 */
export async function startDemoSimulator(
  opts: SimulatorOptions = {},
): Promise<{ sim: Simulator; demo: SeededDemoOrg }> {
  const sim = await startSimulator({ pingIntervalMs: 0, ...opts });
  closeAfterTest(() => sim.close());
  return { sim, demo: seedDemoOrg(sim) };
}

/**
 * Rewrites the SDK's hard-coded https://api.dingtalk.com and https://oapi.dingtalk.com URLs onto the
 * simulator. The SDK uses the default `axios` export, so an interceptor on it sees its calls.
 * Returns the function that removes the interceptor.
 */
export function rewriteSdkUrls(sim: Simulator): () => void {
  const id = axios.interceptors.request.use((config) => {
    if (config.url?.startsWith('https://api.dingtalk.com')) {
      config.url = sim.apiBase + config.url.slice('https://api.dingtalk.com'.length);
    } else if (config.url?.startsWith('https://oapi.dingtalk.com')) {
      config.url = sim.oapiBase + config.url.slice('https://oapi.dingtalk.com'.length);
    }
    return config;
  });
  return () => axios.interceptors.request.eject(id);
}

export interface SdkHarness {
  client: DWClient;
  /** Robot CALLBACK frames the client received, in order. */
  robotFrames: DWClientDownStream[];
  dispose(): void;
}

/**
 * A real DWClient connected to the simulator; inside a test it disconnects when the test ends. With `ack: true` (default) it ACKs robot messages at
 * once with socketCallBackResponse, as production code should.
 */
export async function connectSdk(
  sim: Simulator,
  opts: {
    ack?: boolean;
    autoReconnect?: boolean;
    /** Runs before connect(): register extra callback listeners here, since subscriptions are sent at registration. */
    setup?: (client: DWClient) => void;
  } = {},
): Promise<SdkHarness> {
  const eject = rewriteSdkUrls(sim);
  const before = sim.stats.connectionsOpened;
  // Own subscriptions array: the SDK's default one is shared by every DWClient in the process.
  const client = new DWClient({
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    subscriptions: [{ type: 'EVENT', topic: '*' }],
    autoReconnect: opts.autoReconnect ?? true,
  } as ConstructorParameters<typeof DWClient>[0]);
  const robotFrames: DWClientDownStream[] = [];
  client.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => {
    robotFrames.push(frame);
    if (opts.ack ?? true) client.socketCallBackResponse(frame.headers.messageId, null);
  });
  opts.setup?.(client);
  const dispose = (): void => {
    client.disconnect();
    eject();
  };
  // Registered after the simulator's own hook, so it runs first (after-test hooks run in reverse).
  closeAfterTest(dispose);
  await client.connect();
  await sim.waitFor('connection', before + 1);
  return { client, robotFrames, dispose };
}

/** The SDK prints "connect success"/"Disconnecting." with console.info; keep test output readable. */
export function quietSdkLogs(): void {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}

/** An axios instance with no base URL that never throws on HTTP status, for asserting error shapes. */
export function rawHttp(): AxiosInstance {
  return axios.create({ validateStatus: () => true, timeout: 5_000 });
}

/** Fetches an app token through the v1.0 API. */
export async function appToken(sim: Simulator): Promise<string> {
  const r = await rawHttp().post(`${sim.apiBase}/v1.0/oauth2/accessToken`, {
    appKey: sim.clientId,
    appSecret: sim.clientSecret,
  });
  return (r.data as { accessToken: string }).accessToken;
}
