import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { KEY_BYTES } from './envelope.js';
import { fingerprint, readKeyringFile, writeKeyringFile, type KeyringFile } from './keyring-file.js';
import { LocalKeyring } from './local-keyring.js';

export interface OpenKeyringOptions {
  /** KEY_DIR: where keyring.json lives (created 0700 if missing). */
  dir: string;
  /** MASTER_KEY (32 bytes, base64). When set, KEKs come from the environment, never from disk. */
  masterKey?: string;
  /** MASTER_KEY_NEXT: the key `rotate()` registers in env mode. */
  masterKeyNext?: string;
  clock?: Clock;
}

function fail(message: string): never {
  throw new DomainError('config.invalid', message);
}

function decodeKey(name: string, b64: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== b64) fail(`${name} must be 32 bytes, base64`);
  return key;
}

/**
 * Opens (or on first start creates) the keyring in `dir`.
 *
 * File mode (no MASTER_KEY): keyring.json holds every KEK version; a new one gets a random v1.
 * Env mode (MASTER_KEY): keyring.json holds only fingerprints. MASTER_KEY is matched to its version,
 * MASTER_KEY_NEXT too if already registered by a rotation. The key of the keyring's current version
 * must be supplied, so the service never starts unable to read what it wrote last.
 */
export function openLocalKeyring(opts: OpenKeyringOptions): LocalKeyring {
  const clock = opts.clock ?? systemClock;
  const existing = readKeyringFile(opts.dir);
  return opts.masterKey === undefined
    ? openFileMode(opts, existing, clock)
    : openEnvMode(opts, opts.masterKey, existing, clock);
}

function openFileMode(opts: OpenKeyringOptions, existing: KeyringFile | null, clock: Clock): LocalKeyring {
  if (opts.masterKeyNext !== undefined) fail('MASTER_KEY_NEXT is only used together with MASTER_KEY');
  let file = existing;
  if (!file) {
    const key = randomBytes(KEY_BYTES);
    file = {
      format: 1,
      source: 'file',
      current: 1,
      keys: [{ version: 1, createdAt: clock.now(), fingerprint: fingerprint(key), key: key.toString('base64') }],
    };
    writeKeyringFile(opts.dir, file);
  }
  if (file.source !== 'file') fail('keyring.json was created for MASTER_KEY; set MASTER_KEY to open it');
  const keys = new Map<number, Buffer>();
  for (const entry of file.keys) {
    if (!entry.key) fail(`keyring.json: version ${entry.version} has no key`);
    const key = decodeKey(`keyring.json version ${entry.version}`, entry.key);
    if (fingerprint(key) !== entry.fingerprint) fail(`keyring.json: version ${entry.version} is damaged`);
    keys.set(entry.version, key);
  }
  return new LocalKeyring(keys, file.current, { dir: opts.dir, file, clock });
}

function openEnvMode(opts: OpenKeyringOptions, masterKey: string, existing: KeyringFile | null, clock: Clock) {
  const master = decodeKey('MASTER_KEY', masterKey);
  const next = opts.masterKeyNext === undefined ? undefined : decodeKey('MASTER_KEY_NEXT', opts.masterKeyNext);
  if (next?.equals(master)) fail('MASTER_KEY_NEXT must differ from MASTER_KEY');
  let file = existing;
  if (!file) {
    file = { format: 1, source: 'env', current: 1, keys: [{ version: 1, createdAt: clock.now(), fingerprint: fingerprint(master) }] };
    writeKeyringFile(opts.dir, file);
  }
  if (file.source !== 'env') fail('keyring.json holds its own keys; unset MASTER_KEY to use it');
  const versionOf = (key: Buffer) => file.keys.find((k) => k.fingerprint === fingerprint(key))?.version;
  const keys = new Map<number, Buffer>();
  const masterVersion = versionOf(master);
  if (masterVersion === undefined) fail('MASTER_KEY does not match any key version in keyring.json');
  keys.set(masterVersion, master);
  const nextVersion = next && versionOf(next);
  if (next && nextVersion !== undefined) keys.set(nextVersion, next);
  if (!keys.has(file.current)) {
    fail(`the current key is version ${file.current}, but MASTER_KEY is version ${masterVersion}; set MASTER_KEY to the rotated key`);
  }
  return new LocalKeyring(keys, file.current, { dir: opts.dir, file, clock, next });
}
