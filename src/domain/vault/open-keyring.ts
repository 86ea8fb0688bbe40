import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { KEY_BYTES } from './envelope.js';
import { fingerprint, readKeyringFile, writeKeyringFile, type KeyringFile } from './keyring-file.js';
import { LocalKeyring } from './local-keyring.js';
import { fileKeyringStore, type KeyringStore } from './keyring-store.js';

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
  return new LocalKeyring(keys, file.current, { store: fileKeyringStore(opts.dir), file, clock });
}

function openEnvMode(opts: OpenKeyringOptions, masterKey: string, existing: KeyringFile | null, clock: Clock) {
  const env = envKeys(masterKey, opts.masterKeyNext);
  let file = existing;
  if (!file) {
    file = firstEnvFile(env.master, clock);
    writeKeyringFile(opts.dir, file);
  }
  if (file.source !== 'env') fail('keyring.json holds its own keys; unset MASTER_KEY to use it');
  return envKeyring(env, file, fileKeyringStore(opts.dir), clock);
}

export interface OpenSharedKeyringOptions {
  /** The shared record of versions (the database's, on PostgreSQL). */
  store: KeyringStore;
  masterKey: string;
  masterKeyNext?: string;
  clock?: Clock;
}

/**
 * The keyring every instance on one database shares (PostgreSQL mode): MASTER_KEY mode with its
 * record of versions in `store` instead of keyring.json. The first instance registers MASTER_KEY as
 * version 1; a rotation (`npm run keys -- rotate` with MASTER_KEY_NEXT) adds the next version there,
 * so every instance and the CLI see the same versions. Same rules as env mode otherwise.
 */
export async function openSharedKeyring(opts: OpenSharedKeyringOptions): Promise<LocalKeyring> {
  const clock = opts.clock ?? systemClock;
  const env = envKeys(opts.masterKey, opts.masterKeyNext);
  let file = await opts.store.read();
  if (!file) {
    await opts.store.save(firstEnvFile(env.master, clock));
    file = await opts.store.read();
    if (!file) fail('the shared keyring could not be created');
  }
  return envKeyring(env, file, opts.store, clock);
}

function envKeys(masterKey: string, masterKeyNext: string | undefined): { master: Buffer; next?: Buffer } {
  const master = decodeKey('MASTER_KEY', masterKey);
  const next = masterKeyNext === undefined ? undefined : decodeKey('MASTER_KEY_NEXT', masterKeyNext);
  if (next?.equals(master)) fail('MASTER_KEY_NEXT must differ from MASTER_KEY');
  return { master, next };
}

const firstEnvFile = (master: Buffer, clock: Clock): KeyringFile => ({
  format: 1,
  source: 'env',
  current: 1,
  keys: [{ version: 1, createdAt: clock.now(), fingerprint: fingerprint(master) }],
});

/** MASTER_KEY (and MASTER_KEY_NEXT) matched to their versions in the record; the current one must be among them. */
function envKeyring({ master, next }: { master: Buffer; next?: Buffer }, file: KeyringFile, store: KeyringStore, clock: Clock): LocalKeyring {
  const versionOf = (key: Buffer) => file.keys.find((k) => k.fingerprint === fingerprint(key))?.version;
  const keys = new Map<number, Buffer>();
  const masterVersion = versionOf(master);
  if (masterVersion === undefined) fail('MASTER_KEY does not match any key version in the keyring');
  keys.set(masterVersion, master);
  const nextVersion = next && versionOf(next);
  if (next && nextVersion !== undefined) keys.set(nextVersion, next);
  if (!keys.has(file.current)) {
    fail(`the current key is version ${file.current}, but MASTER_KEY is version ${masterVersion}; set MASTER_KEY to the rotated key`);
  }
  return new LocalKeyring(keys, file.current, { store, file, clock, next });
}
