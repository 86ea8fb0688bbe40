import { join } from 'node:path';
import { sharedKeyEnv } from '../../test/helpers/shared-key-env.js';
import { seedDemoOrg, type SeededDemoOrg } from '../../src/sandbox/demo-org.js';
import { startSimulator, type Simulator } from '../../src/sandbox/simulator.js';
import type { SimulatorOptions } from '../../src/sandbox/sim-types.js';
import { createAppClient } from '../harness/app-client.js';
import type { Rig } from '../harness/rig.js';
import { ensureBuilt, freePort, sleep, spawnService, type ServiceProcess } from '../harness/service-process.js';
import { provisionDb, type Backend, type ClusterDb } from './cluster-db.js';

/**
 * Several service processes on one database with the same keys, each with its own Stream connection
 * to one simulator (which gives each push to one connection at random): a cluster as a hospital runs
 * it. HTTP goes to the live instances in turn, as a load balancer sends it. `kill9(name)` and
 * `start(name)` crash and restart one instance under the same INSTANCE_ID (its claims come back to it
 * at once; the others take them after the lease).
 */
export interface Cluster {
  sim: Simulator;
  demo: SeededDemoOrg;
  db: ClusterDb;
  workDir: string;
  names: string[];
  /** The settings every instance shares: database, keys, DingTalk (no PORT, no INSTANCE_ID). */
  sharedEnv: Record<string, string>;
  running(name: string): ServiceProcess | undefined;
  live(): ServiceProcess[];
  start(name: string): Promise<ServiceProcess>;
  kill9(name: string): Promise<void>;
  /** Times an instance exited without being told to (a crash). */
  readonly unexpectedExits: number;
  /** The view the single-service flows (harness/flows.ts) take: calls go to the live instances in turn. */
  rig: Rig;
  close(): Promise<void>;
}

export interface ClusterOptions {
  workDir: string;
  backend: Backend;
  instances: number;
  sim?: SimulatorOptions;
  /** Extra settings for every instance (BURN_MAX_LIFETIME_HOURS, ESCALATION_AFTER_MINUTES, lease…). */
  env?: Record<string, string>;
  compiled?: boolean;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const compiled = o.compiled ?? true;
  if (compiled) ensureBuilt();
  const db = await provisionDb(o.backend, o.workDir);
  const sim = await startSimulator({ pingIntervalMs: 0, clientId: 'rel-client', clientSecret: 'rel-secret', delivery: 'random', ...o.sim });
  const demo = seedDemoOrg(sim);
  const sharedEnv: Record<string, string> = {
    DINGTALK_CLIENT_ID: sim.clientId,
    DINGTALK_CLIENT_SECRET: sim.clientSecret,
    DINGTALK_API_BASE: sim.apiBase,
    DINGTALK_OAPI_BASE: sim.oapiBase,
    DATABASE_URL: db.url,
    // Every key from configuration, as PostgreSQL mode requires (a key folder only for what has no setting).
    ...sharedKeyEnv(),
    KEY_DIR: join(o.workDir, 'keys'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...o.env,
  };
  const names = Array.from({ length: o.instances }, (_, i) => String.fromCharCode(97 + i));
  const procs = new Map<string, ServiceProcess>();
  const ports = new Map<string, number>();
  const killing = new Set<string>();
  let unexpectedExits = 0;
  let turn = 0;
  const live = () => names.map((n) => procs.get(n)).filter((p): p is ServiceProcess => p !== undefined);
  const next = () => {
    const up = live();
    if (!up.length) throw new Error('cluster: no instance is running');
    return up[turn++ % up.length]!;
  };
  const client = createAppClient(sim, () => next().baseUrl);

  const cluster: Cluster = {
    sim,
    demo,
    db,
    workDir: o.workDir,
    names,
    sharedEnv,
    running: (name) => procs.get(name),
    live,
    get unexpectedExits() {
      return unexpectedExits;
    },
    async start(name) {
      if (!ports.has(name)) ports.set(name, await freePort());
      const opened = sim.stats.connectionsOpened;
      const env = { ...sharedEnv, PORT: String(ports.get(name)), INSTANCE_ID: `rel-${name}` };
      const proc = await spawnService({ env, compiled, logFile: join(o.workDir, `service-${name}.log`) });
      procs.set(name, proc);
      void proc.exited.then(() => {
        if (!killing.has(name) && procs.get(name) === proc) unexpectedExits++;
        if (procs.get(name) === proc) procs.delete(name);
      });
      // Ready means its Stream connection is open too, so pushes may go to it.
      while (sim.stats.connectionsOpened <= opened) await sleep(10);
      return proc;
    },
    async kill9(name) {
      // Out of the balancer's rotation first, as a health check would take it out.
      const proc = procs.get(name);
      killing.add(name);
      procs.delete(name);
      await proc?.kill9();
      killing.delete(name);
    },
    rig: {
      sim,
      demo,
      workDir: o.workDir,
      dbFile: db.backend === 'sqlite' ? db.url.slice('file:'.length) : '',
      keyDir: sharedEnv.KEY_DIR!,
      get service() {
        return next();
      },
      get unexpectedExits() {
        return unexpectedExits;
      },
      start: () => cluster.start(names.find((n) => !procs.has(n)) ?? names[0]!),
      kill9: () => cluster.kill9(live().length ? names.find((n) => procs.has(n))! : names[0]!),
      close: () => cluster.close(),
      token: (userId, fresh) => client.token(userId, fresh),
      api: (userId, method, path, body, headers) => client.api(userId, method, path, body, headers),
    },
    async close() {
      for (const n of names) killing.add(n);
      await Promise.all(live().map((p) => p.stop()));
      procs.clear();
      await sim.close();
      await db.close();
    },
  };
  for (const n of names) await cluster.start(n);
  return cluster;
}
