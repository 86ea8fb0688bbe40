import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createFsBlobStore } from '../../src/domain/vault/fs-blob-store.js';
import type { KeyEncryptionProvider } from '../../src/domain/vault/key-provider.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';
import { createVaultRepository } from '../../src/domain/vault/vault-repository.js';
import { createVault } from '../../src/domain/vault/vault-service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { tempDb } from './temp-db.js';

/**
 * A vault on a real temp SQLite file, a file blob store (`<dir>/blobs`) and a file keyring
 * (`<dir>/keys`), all in one temp folder; `cleanup()` removes everything.
 */
export function tempVault(over: { maxBytes?: number; keyring?: KeyEncryptionProvider } = {}) {
  const db = tempDb();
  const blobDir = join(db.dir, 'blobs');
  const keyDir = join(db.dir, 'keys');
  const keyring = openLocalKeyring({ dir: keyDir });
  const repo = createVaultRepository(db);
  const blobs = createFsBlobStore(blobDir);
  const clock = new ManualClock();
  const vault = createVault({ repo, blobs, keyring: over.keyring ?? keyring, clock, maxBytes: over.maxBytes });
  return {
    db,
    blobDir,
    keyDir,
    keyring,
    repo,
    blobs,
    clock,
    vault,
    cleanup: db.cleanup,
    /** Raw SQL, for tests that tamper with rows the way an attacker with file access could. */
    sql: (q: string, ...args: unknown[]) => db.sqlite.prepare(q).run(...args),
    blobFiles: () => (existsSync(blobDir) ? readdirSync(blobDir) : []),
  };
}
