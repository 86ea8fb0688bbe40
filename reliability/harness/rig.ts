import { join } from 'node:path';
import { openDatabase } from '../../src/db/client.js';
import { createDirectoryRepository } from '../../src/domain/directory/directory-repository.js';
import { DEMO_ORG, seedDemoOrg, type SeededDemoOrg } from '../../src/sandbox/demo-org.js';
import { seedDirectory } from '../../src/sandbox/sandbox-mode.js';
import { startSimulator, type Simulator } from '../../src/sandbox/simulator.js';
import type { SimulatorOptions } from '../../src/sandbox/sim-types.js';
import { createAppClient, type AppClient } from './app-client.js';
import { ensureBuilt, freePort, spawnService, type ServiceProcess } from './service-process.js';

/**
 * One reliability "world": the DingTalk simulator (in this process, with the demo org) and the real
 * service in its own process, in DingTalk mode against the simulator, through the real
 * dingtalk-stream SDK, on a real SQLite file in `workDir`. The directory is seeded once before the
 * first start (as an admin would verify the demo clinicians). `kill9()` + `start()` is a crash and
 * a restart on the same database and keys.
 */
export interface Rig {
  sim: Simulator;
  demo: SeededDemoOrg;
  workDir: string;
  dbFile: string;
  keyDir: string;
  /** The running service; throws between kill9() and start(). */
  readonly service: ServiceProcess;
  /** Times the service exited without being told to (a crash). */
  readonly unexpectedExits: number;
  start(): Promise<ServiceProcess>;
  kill9(): Promise<void>;
  close(): Promise<void>;
  token: AppClient['token'];
  api: AppClient['api'];
}

export interface RigOptions {
  workDir: string;
  sim?: SimulatorOptions;
  /** Extra service settings (e.g. OUTBOX_MAX_ATTEMPTS, BURN_MAX_LIFETIME_HOURS). */
  env?: Record<string, string>;
  /** The compiled service as `npm start` runs it (default; built first when dist/ is stale), or the sources through tsx. */
  compiled?: boolean;
}

export async function startRig(o: RigOptions): Promise<Rig> {
  const compiled = o.compiled ?? true;
  if (compiled) ensureBuilt();
  const sim = await startSimulator({ pingIntervalMs: 0, clientId: 'rel-client', clientSecret: 'rel-secret', ...o.sim });
  const demo = seedDemoOrg(sim);
  const dbFile = join(o.workDir, 'cb.db');
  const keyDir = join(o.workDir, 'keys');
  const seeded = openDatabase(`file:${dbFile}`);
  await seedDirectory(createDirectoryRepository(seeded.db, seeded.store));
  seeded.close();
  const port = await freePort();
  const env: Record<string, string> = {
    DINGTALK_CLIENT_ID: sim.clientId,
    DINGTALK_CLIENT_SECRET: sim.clientSecret,
    DINGTALK_API_BASE: sim.apiBase,
    DINGTALK_OAPI_BASE: sim.oapiBase,
    DATABASE_URL: `file:${dbFile}`,
    KEY_DIR: keyDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...o.env,
  };
  let current: ServiceProcess | undefined;
  let killing = false;
  let unexpectedExits = 0;
  const client = createAppClient(sim, () => rig.service.baseUrl);
  const rig: Rig = {
    sim,
    demo,
    workDir: o.workDir,
    dbFile,
    keyDir,
    get service() {
      if (!current) throw new Error('rig: the service is not running');
      return current;
    },
    get unexpectedExits() {
      return unexpectedExits;
    },
    async start() {
      const proc = await spawnService({ env, compiled, logFile: join(o.workDir, 'service.log') });
      current = proc;
      void proc.exited.then(() => {
        if (!killing && current === proc) unexpectedExits++;
        if (current === proc) current = undefined;
      });
      return proc;
    },
    async kill9() {
      killing = true;
      await current?.kill9();
      current = undefined;
      killing = false;
    },
    async close() {
      killing = true;
      await current?.stop();
      current = undefined;
      await sim.close();
    },
    token: (userId, fresh) => client.token(userId, fresh),
    api: (userId, method, path, body, headers) => client.api(userId, method, path, body, headers),
  };
  await rig.start();
  return rig;
}

export const USERS = {
  CHAN: 'qmh-chan-taiman',
  LAM: 'qmh-lam-kaming',
  HO: 'qmh-ho-wingyee',
  CHEUNG: 'qmh-cheung-meiwah',
  WONG: 'hph-wong-siuming',
} as const;

/** Verified demo clinicians (the ones whose commands do something). */
export const VERIFIED = DEMO_ORG.clinicians.filter((c) => c.verified && (c.role === 'doctor' || c.role === 'nurse')).map((c) => c.userId);
