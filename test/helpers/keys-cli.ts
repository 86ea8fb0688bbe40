import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs `keys <args>` the way `npm run keys -- <args>` does, with only the env it needs. */
export function runKeys(args: string[], env: Record<string, string>) {
  const res = spawnSync(TSX, ['src/cli/keys.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * A data folder for a key-rotation test: its key folder, database URL and two fresh master keys
 * (the one in use and the one to rotate to); `cleanup` removes it.
 */
export function rotationFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
  return { dir, keyDir: join(dir, 'keys'), url: `file:${join(dir, 'cb.db')}`, oldKey, newKey, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
