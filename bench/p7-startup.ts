import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, type BenchRow } from './row.js';

/**
 * P7: the service as `npm start` runs it (compiled, sandbox mode, fresh data folder): time from spawn until
 * /readyz answers 200 (database open, stream registered), and resident memory after 3 s idle.
 */
export async function benchStartup(): Promise<BenchRow[]> {
  const sandbox: Array<{ readyMs: number; rssMb: number }> = [];
  for (let i = 0; i < 3; i++) sandbox.push(await once({}));
  // The service as deployed: connected to "DingTalk" (a simulator in another process), no simulators inside.
  const sim = await externalSimulator();
  const real: Array<{ readyMs: number; rssMb: number }> = [];
  try {
    for (let i = 0; i < 3; i++) real.push(await once(sim.env));
  } finally {
    sim.stop();
  }
  const best = (rs: typeof real) => Math.min(...rs.map((r) => r.readyMs));
  const worst = (rs: typeof real) => Math.max(...rs.map((r) => r.rssMb));
  return [
    { name: 'P7 time to ready, DingTalk mode (spawn → /readyz 200, best of 3)', value: round(best(real), 0), unit: 'ms', goal: '≤ 1500 ms', ok: best(real) <= 1500 },
    { name: 'P7 idle RSS, DingTalk mode (worst of 3)', value: round(worst(real), 1), unit: 'MB', goal: '≤ 120 MB', ok: worst(real) <= 120 },
    { name: 'P7 time to ready, sandbox (simulators in-process, best of 3)', value: round(best(sandbox), 0), unit: 'ms' },
    { name: 'P7 idle RSS, sandbox (simulators in-process, worst of 3)', value: round(worst(sandbox), 1), unit: 'MB' },
  ];
}

/** bench/sim-process.ts in its own process; the env that points the service at it. */
export async function externalSimulator(): Promise<{ env: Record<string, string>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sim-process.ts'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const line = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d))));
  const { apiBase, oapiBase } = JSON.parse(line) as { apiBase: string; oapiBase: string };
  return {
    env: { DINGTALK_CLIENT_ID: 'p7-client', DINGTALK_CLIENT_SECRET: 'p7-secret', DINGTALK_API_BASE: apiBase, DINGTALK_OAPI_BASE: oapiBase },
    stop: () => child.kill('SIGTERM'),
  };
}

/** The node arguments of package.json's `start` script (`node <flags> dist/src/main.js`), so P7 measures what it runs. */
function startArgs(): string[] {
  return scriptArgs('start');
}

/** The node arguments of a package.json script that is a plain `node …` command (`start`, `dev`). */
export function scriptArgs(name: string): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const script = pkg.scripts[name] ?? '';
  const [cmd, ...args] = script.trim().split(/\s+/);
  if (cmd !== 'node' || args.some((a) => /[$&|;<>]/.test(a))) throw new Error(`expected "${name}" to be a plain node command, got: ${script}`);
  return args;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function once(extraEnv: Record<string, string>): Promise<{ readyMs: number; rssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-bench-p7-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DINGTALK_CLIENT_ID: '',
    PORT: String(port),
    SANDBOX_PORT: String(await freePort()),
    DATABASE_URL: `file:${join(dir, 'cb.db')}`,
    KEY_DIR: join(dir, 'keys'),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const t0 = performance.now();
  // Exactly what `npm start` runs (the compiled service; `npm run build` first).
  const child = spawn(process.execPath, startArgs(), { env, stdio: 'ignore' });
  try {
    let readyMs = NaN;
    while (performance.now() - t0 < 20_000) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) {
        readyMs = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { readyMs, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
