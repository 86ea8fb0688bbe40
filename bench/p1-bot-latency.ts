import axios from 'axios';
import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { seedDemoOrg } from '../src/sandbox/demo-org.js';
import { seedDirectory } from '../src/sandbox/sandbox-mode.js';
import { startSimulator, type Simulator } from '../src/sandbox/simulator.js';
import { createService } from '../src/compose/service.js';
import { systemClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/logger.js';
import { percentile, round, type BenchRow } from './row.js';

const RATE = 200;
const SECONDS = 10;
const BURST = 2000;

/**
 * P1: @bot message → reply, end to end through the real SDK and the simulator: at a fixed 200 msg/s
 * (latency p50/p99, sustained msg/s), and a burst (throughput), beside an echo bot written directly
 * on the SDK against the same simulator. Replies are matched to messages in order (FIFO), which holds
 * for one sender in one group.
 */
export async function benchBotLatency(): Promise<BenchRow[]> {
  const ours = await measure(startOurs);
  const echo = await measure(startEcho);
  const p99Goal = ours.p99 <= 25;
  return [
    { name: 'P1 reply latency p50 @200 msg/s', value: round(ours.p50), unit: 'ms', baseline: round(echo.p50), ratio: round(ours.p50 / echo.p50) },
    { name: 'P1 reply latency p99 @200 msg/s', value: round(ours.p99), unit: 'ms', baseline: round(echo.p99), ratio: round(ours.p99 / echo.p99), goal: '≤ 25 ms', ok: p99Goal },
    { name: 'P1 sustained @200 msg/s offered', value: round(ours.sustained, 1), unit: 'msg/s', baseline: round(echo.sustained, 1), ratio: round(ours.sustained / echo.sustained) },
    { name: `P1 burst throughput (${BURST} msgs)`, value: round(ours.burst, 0), unit: 'msg/s', baseline: round(echo.burst, 0), ratio: round(ours.burst / echo.burst), goal: '≥ 0.8× echo', ok: ours.burst / echo.burst >= 0.8 },
  ];
}

interface Running { sim: Simulator; group: string; user: string; stop(): Promise<void> }

async function measure(start: () => Promise<Running>) {
  const r = await start();
  try {
    // Warm-up: connection, token, first-seen lookups, JIT.
    await run(r, 100, 500);
    const paced = await run(r, RATE * SECONDS, RATE);
    const burst = await run(r, BURST, Infinity);
    return { ...paced, burst: burst.sustained };
  } finally {
    await r.stop();
  }
}

async function run(r: Running, n: number, rate: number) {
  const sentAt: number[] = [];
  const start = r.sim.sent.length;
  const doneAt: number[] = [];
  const onSent = () => {
    while (start + doneAt.length < r.sim.sent.length) doneAt.push(performance.now());
  };
  r.sim.events.on('sent', onSent);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(rate)) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((res) => setTimeout(res, wait));
    } else if (i % 50 === 0) await new Promise((res) => setImmediate(res));
    sentAt.push(performance.now());
    r.sim.say(r.group, r.user, '@ConsultBridge ping');
  }
  const deadline = performance.now() + 30_000;
  while (doneAt.length < n && performance.now() < deadline) await new Promise((res) => setTimeout(res, 5));
  r.sim.events.off('sent', onSent);
  const lat = sentAt.slice(0, doneAt.length).map((s, i) => doneAt[i]! - s).sort((a, b) => a - b);
  const elapsed = (doneAt[doneAt.length - 1] ?? performance.now()) - t0;
  return { p50: percentile(lat, 50), p99: percentile(lat, 99), sustained: (doneAt.length * 1000) / elapsed };
}

async function newSim(): Promise<Simulator> {
  const sim = await startSimulator({ pingIntervalMs: 0, redeliveryDelayMs: 600_000 });
  seedDemoOrg(sim);
  return sim;
}

async function startOurs(): Promise<Running> {
  const sim = await newSim();
  const dir = mkdtempSync(join(tmpdir(), 'cb-bench-p1-'));
  const config = loadConfig({
    DINGTALK_CLIENT_ID: sim.clientId, DINGTALK_CLIENT_SECRET: sim.clientSecret,
    DINGTALK_API_BASE: sim.apiBase, DINGTALK_OAPI_BASE: sim.oapiBase,
    DATABASE_URL: `file:${join(dir, 'cb.db')}`, KEY_DIR: join(dir, 'keys'), LOG_LEVEL: 'silent',
  });
  const service = await createService(config, { logger: silentLogger, clock: systemClock, outbox: { pollMs: 200 } });
  await seedDirectory(service.directoryRepo);
  await service.start();
  await service.receiver.supervisor.whenConnected();
  return {
    sim, group: 'cidDemoAeHandoverQmh000002==', user: 'qmh-ho-wingyee',
    stop: async () => {
      await service.stop();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The baseline: the smallest correct bot on the SDK — ACK, then POST a text to the sessionWebhook. */
async function startEcho(): Promise<Running> {
  const sim = await newSim();
  const http = axios.create();
  const client = new DWClient({ clientId: sim.clientId, clientSecret: sim.clientSecret, subscriptions: [{ type: 'EVENT', topic: '*' }] } as ConstructorParameters<typeof DWClient>[0]);
  const rewrite = axios.interceptors.request.use((c) => {
    if (c.url?.startsWith('https://api.dingtalk.com')) c.url = sim.apiBase + c.url.slice('https://api.dingtalk.com'.length);
    return c;
  });
  client.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => {
    client.socketCallBackResponse(frame.headers.messageId, null);
    const msg = JSON.parse(frame.data) as { sessionWebhook: string };
    void http.post(msg.sessionWebhook, { msgtype: 'text', text: { content: 'pong' } }).catch(() => undefined);
  });
  await client.connect();
  await sim.waitFor('connection', 1);
  return {
    sim, group: 'cidDemoAeHandoverQmh000002==', user: 'qmh-ho-wingyee',
    stop: async () => {
      client.disconnect();
      axios.interceptors.request.eject(rewrite);
      await sim.close();
    },
  };
}
