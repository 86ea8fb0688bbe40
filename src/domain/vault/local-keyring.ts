import { randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { KEY_BYTES, seal, unseal, packSealed, unpackSealed, versionedAad } from './envelope.js';
import type { KeyEncryptionProvider, WrappedKey } from './key-provider.js';
import { fingerprint, type KeyringFile } from './keyring-file.js';
import type { KeyringStore } from './keyring-store.js';

export interface KekVersionInfo {
  version: number;
  createdAt: number;
  /** False when the keyring knows the version but its key was not supplied (env mode). */
  available: boolean;
}

interface Persist {
  /** keyring.json, or the shared table on PostgreSQL. */
  store: KeyringStore;
  file: KeyringFile;
  clock: Clock;
  /** env mode: the MASTER_KEY_NEXT value, registered by `rotate()`. */
  next?: Buffer;
}

/**
 * The embedded KeyEncryptionProvider. KEKs come from `<KEY_DIR>/keyring.json` (file mode) or from
 * MASTER_KEY (env mode; see openLocalKeyring, and openSharedKeyring for the record in PostgreSQL).
 * Keys live only in this object's private map.
 */
export class LocalKeyring implements KeyEncryptionProvider {
  #keys: Map<number, Buffer>;
  #current: number;
  #persist: Persist | undefined;
  /** MASTER_KEY_NEXT was given but is not this keyring's current key yet: look for it in the record. */
  #nextPending: boolean;

  constructor(keys: ReadonlyMap<number, Buffer>, current: number, persist?: Persist) {
    for (const k of keys.values()) if (k.length !== KEY_BYTES) throw new RangeError('KEK must be 32 bytes');
    if (!keys.has(current)) throw new RangeError('current KEK version not in keyring');
    this.#keys = new Map(keys);
    this.#current = current;
    this.#persist = persist;
    this.#nextPending = persist?.next !== undefined && !keys.get(current)!.equals(persist.next);
  }

  get source(): 'file' | 'env' | 'memory' {
    return this.#persist?.file.source ?? 'memory';
  }

  currentVersion(): number {
    return this.#current;
  }

  versions(): KekVersionInfo[] {
    const known = this.#persist?.file.keys ?? [...this.#keys.keys()].map((version) => ({ version, createdAt: 0 }));
    return known.map((k) => ({ version: k.version, createdAt: k.createdAt, available: this.#keys.has(k.version) }));
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey> {
    await this.#adoptNext();
    const version = this.#current;
    return { version, wrapped: packSealed(seal(this.#key(version), dataKey, versionedAad(version, aad))) };
  }

  async unwrap(version: number, wrapped: Buffer, aad: Buffer): Promise<Buffer> {
    if (!this.#keys.has(version)) await this.#adoptNext();
    return unseal(this.#key(version), unpackSealed(wrapped), versionedAad(version, aad));
  }

  /**
   * Adds a new KEK version and makes it current. File mode: a fresh random key, saved to the key file.
   * Env mode: registers MASTER_KEY_NEXT (only its fingerprint is saved); if it is already registered,
   * nothing is added (`created: false`), so an interrupted rotation can simply be run again.
   */
  async rotate(): Promise<{ version: number; created: boolean }> {
    const p = this.#persist;
    if (!p) {
      const version = Math.max(...this.#keys.keys()) + 1;
      this.#keys.set(version, randomBytes(KEY_BYTES));
      this.#current = version;
      return { version, created: true };
    }
    let key: Buffer;
    if (p.file.source === 'env') {
      if (!p.next) throw new DomainError('config.invalid', 'MASTER_KEY is set: supply the new key as MASTER_KEY_NEXT');
      const fp = fingerprint(p.next);
      const known = p.file.keys.find((k) => k.fingerprint === fp);
      if (known) return { version: known.version, created: false };
      key = p.next;
    } else {
      key = randomBytes(KEY_BYTES);
    }
    const version = Math.max(...p.file.keys.map((k) => k.version)) + 1;
    const entry = { version, createdAt: p.clock.now(), fingerprint: fingerprint(key) };
    const file: KeyringFile = {
      ...p.file,
      current: version,
      keys: [...p.file.keys, p.file.source === 'file' ? { ...entry, key: key.toString('base64') } : entry],
    };
    await p.store.save(file); // persist first: a key must never be used before it is saved
    p.file = file;
    this.#keys.set(version, key);
    this.#current = version;
    this.#nextPending = false;
    return { version, created: true };
  }

  /**
   * Rolling rotation (env mode): an instance running with MASTER_KEY_NEXT before a rotation registered
   * it (by another process: the keys CLI) finds it in the record at its next wrap, or at the first
   * unwrap of a version it lacks, and adopts it — as current once it is the record's current version,
   * so it writes under the new key from then on. One record read per call until then; none after.
   */
  async #adoptNext(): Promise<void> {
    const p = this.#persist;
    if (!this.#nextPending || !p?.next) return;
    const file = await p.store.read();
    const fp = fingerprint(p.next);
    const entry = file?.keys.find((k) => k.fingerprint === fp);
    if (!file || !entry) return;
    p.file = file;
    this.#keys.set(entry.version, p.next);
    if (entry.version === file.current) {
      this.#current = entry.version;
      this.#nextPending = false;
    }
  }

  #key(version: number): Buffer {
    const key = this.#keys.get(version);
    if (!key) throw new DomainError('vault.decrypt_failed', `KEK version ${version} is not available`);
    return key;
  }
}
