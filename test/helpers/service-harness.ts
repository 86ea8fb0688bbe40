import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config.js';
import { createService, type Service, type ServiceOptions } from '../../src/compose/service.js';
import { seedDirectory } from '../../src/sandbox/sandbox-mode.js';
import { seedDemoRoster } from '../../src/sandbox/demo-roster.js';
import { ManualClock, systemClock, type Clock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { quietSdkLogs, startDemoSimulator, type Simulator, type SimulatorOptions, type SeededDemoOrg } from './sim.js';

export { ManualClock };

/**
 * The real service (real SDK, real OpenAPI client, real SQLite file, real audit log) against the
 * simulator. `restart()` stops the service and starts a new one on the same database and keys.
 */
export interface Harness {
  sim: Simulator;
  demo: SeededDemoOrg;
  service: Service;
  dir: string;
  /** Everything the service logged, as text (for "nothing leaked" assertions). */
  logs: () => string;
  restart(): Promise<Service>;
  close(): Promise<void>;
}

export async function startHarness(
  o: {
    sim?: SimulatorOptions;
    clock?: Clock;
    env?: Record<string, string>;
    service?: Partial<ServiceOptions>;
    /** A data folder the caller owns (kept on close), e.g. to start again on it with a fresh simulator. */
    dir?: string;
  } = {},
): Promise<Harness> {
  quietSdkLogs();
  const { sim, demo } = await startDemoSimulator({ redeliveryDelayMs: 60_000, ...o.sim });
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'cb-int-'));
  const config = loadConfig({
    DINGTALK_CLIENT_ID: sim.clientId,
    DINGTALK_CLIENT_SECRET: sim.clientSecret,
    DINGTALK_API_BASE: sim.apiBase,
    DINGTALK_OAPI_BASE: sim.oapiBase,
    DATABASE_URL: `file:${join(dir, 'cb.db')}`,
    KEY_DIR: join(dir, 'keys'),
    LOG_LEVEL: 'debug',
    ...o.env,
  });
  const chunks: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
  const logger = createLogger('debug', sink);
  const make = async () => {
    const s = await createService(config, {
      logger,
      clock: o.clock ?? systemClock,
      outbox: { pollMs: 50, baseMs: 20, maxMs: 200 },
      reconnect: { baseDelayMs: 20, maxDelayMs: 200 },
      apiRetry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      ...o.service,
    });
    await seedDirectory(s.directoryRepo);
    await seedDemoRoster(s.repos.rosters, s.directoryRepo, s.clock.now());
    await s.start();
    await s.receiver.supervisor.whenConnected();
    return s;
  };
  const h: Harness = {
    sim,
    demo,
    service: await make(),
    dir,
    logs: () => chunks.join(''),
    async restart() {
      await h.service.stop();
      h.service = await make();
      return h.service;
    },
    async close() {
      await h.service.stop().catch(() => undefined);
      await sim.close();
      if (!o.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * Waits for the first message the bot sends after this call that matches; messages sent earlier never
 * count (unlike `sim.nextReply`, which may return an older message no test consumed).
 */
export function replyAfter(
  sim: Simulator,
  filter: { conversationId?: string; userId?: string; via?: string },
  timeoutMs = 5000,
): Promise<Simulator['sent'][number]> {
  const start = sim.sent.length;
  const vias = filter.via ? [filter.via] : ['webhook', 'group', 'oto', 'card'];
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const hit = sim.sent
        .slice(start)
        .find(
          (e) =>
            vias.includes(e.via) &&
            (!filter.conversationId || e.conversationId === filter.conversationId) &&
            (!filter.userId || (e.userIds ?? []).includes(filter.userId)),
        );
      if (hit) return resolve(hit);
      if (Date.now() > deadline) return reject(new Error(`no reply matching ${JSON.stringify(filter)} in ${timeoutMs} ms`));
      setTimeout(poll, 5);
    };
    poll();
  });
}
