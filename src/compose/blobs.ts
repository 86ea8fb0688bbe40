import type { Config } from '../config/config.js';
import { sqlitePath } from '../db/client.js';
import type { BlobStore } from '../domain/vault/blob-store.js';
import { createPgBlobStore } from '../domain/vault/blob-store-pg.js';
import { createFsBlobStore, defaultBlobDir } from '../domain/vault/fs-blob-store.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { KeyStorage } from './keys.js';

/**
 * Where ciphertext blobs live: BLOB_DIR when set (a folder, which several instances may share as a
 * mount); else on PostgreSQL the `vault_blobs` table, so every instance reads every blob; else the
 * `blobs/` folder beside the SQLite file (beside the key folder for `:memory:`), as before.
 */
export function openBlobs(config: Readonly<Config>, storage: KeyStorage, clock: Clock = systemClock): BlobStore {
  if (config.blobs.dir) return createFsBlobStore(config.blobs.dir);
  if (storage.kind === 'postgres') return createPgBlobStore(storage.handle.store, clock);
  const path = sqlitePath(config.databaseUrl);
  return createFsBlobStore(path === ':memory:' ? `${config.keys.dir}/../blobs` : defaultBlobDir(path));
}
