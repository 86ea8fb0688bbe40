import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../shared/errors.js';

/**
 * The on-disk keyring `<KEY_DIR>/keyring.json`. In `file` mode it holds the KEKs themselves; in `env`
 * mode (MASTER_KEY) it holds only version numbers and fingerprints, so env-supplied keys can be matched
 * to the version recorded beside each data key. Either way it is written 0600 and atomically.
 */
export const KEYRING_FILE = 'keyring.json';

const entrySchema = z.object({
  version: z.number().int().positive(),
  createdAt: z.number().int(),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/).optional(),
});

const fileSchema = z.object({
  format: z.literal(1),
  source: z.enum(['file', 'env']),
  current: z.number().int().positive(),
  keys: z.array(entrySchema).min(1),
});

export type KeyringEntry = z.infer<typeof entrySchema>;
export type KeyringFile = z.infer<typeof fileSchema>;

/** A key check value: identifies a KEK without revealing it (HMAC under the key itself). */
export function fingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('consultbridge kek fingerprint v1').digest('hex').slice(0, 32);
}

function fail(message: string): never {
  throw new DomainError('config.invalid', message);
}

/** Reads the keyring, or returns null when absent. Refuses a file any group/other user may access. */
export function readKeyringFile(dir: string): KeyringFile | null {
  const path = join(dir, KEYRING_FILE);
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if ((mode & 0o077) !== 0) {
    fail(`${path} is accessible to other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    fail(`${path} is not valid JSON`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) fail(`${path} has an unexpected shape`);
  const f = parsed.data;
  if (!f.keys.some((k) => k.version === f.current)) fail(`${path}: current version ${f.current} is missing`);
  return f;
}

/** Write temp (0600, exclusive) → fsync → rename → fsync dir: readers see the old or the new file, never half. */
export function writeKeyringFile(dir: string, file: KeyringFile): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, KEYRING_FILE);
  const tmp = join(dir, `.${KEYRING_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeFileSync(fd, JSON.stringify(file, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDir(dirname(path));
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
