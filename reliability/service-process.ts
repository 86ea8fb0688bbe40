import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, scriptArgs } from '../bench/p7-startup.js';
import type { Simulator } from '../src/sandbox/simulator.js';

/**
 * The service as its own process in DingTalk mode (`npm run dev`'s command: the current sources),
 * pointed at a simulator that lives in the scenario's process, on a real SQLite file in `workDir`.
 * Each start appends to `workDir/service.log`. `kill9()` is a real SIGKILL: no shutdown code runs.
 */
export interface ServiceProcess {
  readonly pid: number;
  kill9(): Promise<void>;
  /** SIGTERM and wait: the graceful stop. */
  stop(): Promise<void>;
}

export interface ServiceSpawner {
  start(): Promise<ServiceProcess>;
  dbPath: string;
}

export function serviceSpawner(sim: Simulator, workDir: string, env: Record<string, string> = {}): ServiceSpawner {
  const dbPath = join(workDir, 'cb.db');
  const log = openSync(join(workDir, 'service.log'), 'a');
  return {
    dbPath,
    async start() {
      const port = await freePort();
      const child: ChildProcess = spawn(process.execPath, scriptArgs('dev'), {
        stdio: ['ignore', log, log],
        env: {
          ...process.env,
          DINGTALK_CLIENT_ID: sim.clientId,
          DINGTALK_CLIENT_SECRET: sim.clientSecret,
          DINGTALK_API_BASE: sim.apiBase,
          DINGTALK_OAPI_BASE: sim.oapiBase,
          PORT: String(port),
          SANDBOX_PORT: String(await freePort()),
          DATABASE_URL: `file:${dbPath}`,
          KEY_DIR: join(workDir, 'keys'),
          LOG_LEVEL: 'warn',
          ...env,
        },
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const opened = sim.stats.connectionsOpened;
      await waitReady(port, exited);
      // Ready means registered; wait for the socket too, so pushes have somewhere to go.
      while (sim.stats.connectionsOpened <= opened || sim.stats.connections === 0) await sleep(10);
      return {
        pid: child.pid!,
        async kill9() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      };
    },
  };
}

async function waitReady(port: number, exited: Promise<void>): Promise<void> {
  let dead = false;
  void exited.then(() => (dead = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !dead) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await sleep(25);
  }
  throw new Error(dead ? 'service exited before it was ready (see service.log)' : 'service not ready within 60 s');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
