import type { Config } from '../config/config.js';
import { databaseKind } from '../config/database-url.js';
import { sqlitePath } from '../db/client.js';
import type { BlobStore } from '../domain/vault/blob-store.js';
import { createFsBlobStore, defaultBlobDir } from '../domain/vault/fs-blob-store.js';

/**
 * Where the vault keeps ciphertext blobs: a `blobs` folder next to the SQLite file; with no file
 * (`:memory:`, PostgreSQL) a `blobs` folder beside the key folder. The one call site the service and
 * the retention CLI share (a PostgreSQL blob store replaces it for clusters).
 */
export function openBlobs(config: Pick<Readonly<Config>, 'databaseUrl' | 'keys'>): BlobStore {
  const path = databaseKind(config.databaseUrl) === 'sqlite' ? sqlitePath(config.databaseUrl) : ':memory:';
  return createFsBlobStore(path === ':memory:' ? `${config.keys.dir}/../blobs` : defaultBlobDir(path));
}
