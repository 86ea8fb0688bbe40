import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../src/shared/paths.js';

export interface RunningService {
  baseUrl: string;
  /** Everything the service printed, for the failure report. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody is listening on now (the OS picks it; closed again before the service binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The real service, from the sources, in sandbox mode (no DingTalk credentials): its own ports and a
 * temporary data folder (database, keys, blobs), removed on stop. The mini-app is what miniapp/dist
 * holds, exactly as `npm start` serves it. `env` adds or overrides settings (e.g. a short referral window
 * for a spec that waits for an escalation); it is applied last.
 */
export async function startService(opts: { readyTimeoutMs?: number; env?: Readonly<Record<string, string>> } = {}): Promise<RunningService> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-e2e-'));
  const env: NodeJS.ProcessEnv = {};
  // Only what a shell needs; none of the caller's DINGTALK_* settings, so this is always the sandbox.
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_OPTIONS']) if (process.env[k]) env[k] = process.env[k];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    SANDBOX_PORT: String(sandboxPort),
    DATABASE_URL: `file:${join(dataDir, 'consultbridge.db')}`,
    KEY_DIR: join(dataDir, 'keys'),
    LOG_LEVEL: 'warn',
    AUDIT_CHECKPOINT_INTERVAL_MS: '600000',
    // Every browser in the suite signs in from 127.0.0.1; the production limit (20/min per address) would bite.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  }, opts.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectPath(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(baseUrl, child, opts.readyTimeoutMs ?? 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- service output ---\n${out}`);
  }
  return { baseUrl, output: () => out, stop };
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`service not ready within ${timeoutMs} ms`);
}

/** SIGTERM (graceful: writes the audit checkpoint), SIGKILL if it hangs. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
