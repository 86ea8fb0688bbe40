import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, scriptArgs } from '../../bench/p7-startup.js';
import type { Simulator } from '../../src/sandbox/simulator.js';
import { projectPath } from '../../src/shared/paths.js';

/**
 * The service as its own OS process: `npm start`'s compiled command (`compiled: true`, after
 * `npm run build`) or the sources through tsx (default: always the code in the tree). Shared by the
 * reliability scenarios (R1/R2 through `serviceSpawner`, the others through rig.ts) and bench P7. Output goes to a log file, the last few KB are kept for errors.
 */
export interface ServiceProcess {
  readonly pid: number;
  readonly baseUrl: string;
  /** Resolves with the exit code/signal once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The process's tail of stdout+stderr. */
  tail(): string;
  /** Resident set size now, from /proc (MB). */
  rssMb(): number;
  /** CPU time used so far (user + system, seconds), from /proc. */
  cpuSeconds(): number;
  /** SIGKILL, no chance to clean up: a power cut as far as SQLite's WAL is concerned. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env: Record<string, string>;
  compiled?: boolean;
  /** Appended to this file (one per scenario), so a crash can be read afterwards. */
  logFile?: string;
  readyTimeoutMs?: number;
}

export { freePort };

/** The node arguments of package.json's `start` script (`node <flags> dist/src/main.js`). */
export const startArgs = (): string[] => scriptArgs('start');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * `npm run build` when dist/ is missing or older than any file under src/ (CI's `npm ci` has just
 * built it), so `compiled: true` never runs yesterday's code.
 */
export function ensureBuilt(log: (line: string) => void = () => undefined): void {
  let built = 0;
  try {
    built = statSync(projectPath('dist', 'src', 'main.js')).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= newestMtime(projectPath('src'))) return;
  log('dist/ is older than src/: npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: projectPath(), stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Only what a shell needs from the caller's environment; none of its DINGTALK_* or database settings. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k]!;
  return env;
}

export function rssOf(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** utime + stime of a process in seconds (fields 14 and 15 of /proc/<pid>/stat, at 100 ticks a second). */
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Spawns the service (PORT must be in `env`) and resolves once /readyz answers 200. */
export async function spawnService(o: SpawnOptions): Promise<ServiceProcess> {
  const port = o.env.PORT;
  if (!port) throw new Error('spawnService: env.PORT is required');
  // RELIABILITY_NODE_ARGS: extra node flags for the service, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (not allowed in NODE_OPTIONS).
  const args = [...(process.env.RELIABILITY_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(o.compiled ? startArgs() : ['--import', 'tsx', 'src/main.ts'])];
  const child = spawn(process.execPath, args, { cwd: projectPath(), env: { ...baseEnv(), ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const log = o.logFile ? createWriteStream(o.logFile, { flags: 'a' }) : undefined;
  const onData = (d: Buffer) => {
    log?.write(d);
    tail = (tail + d.toString()).slice(-8000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      log?.end();
      resolve({ code, signal });
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc: ServiceProcess = {
    pid: child.pid!,
    baseUrl,
    exited,
    tail: () => tail,
    rssMb: () => rssOf(child.pid!),
    cpuSeconds: () => cpuOf(child.pid!),
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: () => stopChild(child, exited),
  };
  try {
    await waitReady(baseUrl, child, o.readyTimeoutMs ?? 60_000);
  } catch (err) {
    await proc.kill9();
    throw new Error(`${(err as Error).message}\n--- service output ---\n${tail}`);
  }
  return proc;
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`service exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    if (await fetch(`${baseUrl}/readyz`).then((r) => r.status === 200, () => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`service not ready within ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(kill);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts of one service (R1, R2) on the same database and keys in `workDir`. */
export interface ServiceSpawner {
  start(): Promise<ServiceProcess>;
  dbPath: string;
}

/**
 * The service from the sources (`npm run dev`'s command) in DingTalk mode, pointed at a simulator in
 * the scenario's process, on `workDir/cb.db`; each start appends to `workDir/service.log`. A start
 * resolves once /readyz answers and a new stream socket is open, so pushes have somewhere to go.
 */
export function serviceSpawner(sim: Simulator, workDir: string, env: Record<string, string> = {}): ServiceSpawner {
  const dbPath = join(workDir, 'cb.db');
  return {
    dbPath,
    async start() {
      const opened = sim.stats.connectionsOpened;
      const proc = await spawnService({
        logFile: join(workDir, 'service.log'),
        env: {
          DINGTALK_CLIENT_ID: sim.clientId,
          DINGTALK_CLIENT_SECRET: sim.clientSecret,
          DINGTALK_API_BASE: sim.apiBase,
          DINGTALK_OAPI_BASE: sim.oapiBase,
          PORT: String(await freePort()),
          SANDBOX_PORT: String(await freePort()),
          DATABASE_URL: `file:${dbPath}`,
          KEY_DIR: join(workDir, 'keys'),
          LOG_LEVEL: 'warn',
          ...env,
        },
      });
      while (sim.stats.connectionsOpened <= opened || sim.stats.connections === 0) await sleep(10);
      return proc;
    },
  };
}
