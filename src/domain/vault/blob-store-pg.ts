import { eq } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { vacuumErased } from '../../db/pg/pg-vacuum.js';
import { vaultBlobs } from '../../db/pg/vault-tables.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { BLOB_KEY, type BlobStore } from './blob-store.js';

function checked(key: string): string {
  // Same alphabet as the folder store, so a blob can move between the two stores unchanged.
  if (!BLOB_KEY.test(key)) throw new RangeError('invalid blob key');
  return key;
}

/**
 * Ciphertext blobs as `bytea` rows (PostgreSQL mode without BLOB_DIR): every instance reads every
 * blob, and `pg_dump` backs them up with the rest. One INSERT is atomic (a reader sees the whole blob
 * or none); ON CONFLICT DO NOTHING makes "never overwrite" the same statement: no row inserted means
 * the key was taken → DomainError('conflict'). A delete VACUUMs the table, as the vault's shredding does.
 */
export function createPgBlobStore(store: PgStore, clock: Clock): BlobStore {
  const db = () => store.db();
  return {
    async put(key, bytes) {
      const res = await db().insert(vaultBlobs).values({ key: checked(key), bytes, createdAt: clock.now() }).onConflictDoNothing();
      if ((res.rowCount ?? 0) === 0) throw new DomainError('conflict');
    },
    async get(key) {
      const [row] = await db().select({ bytes: vaultBlobs.bytes }).from(vaultBlobs).where(eq(vaultBlobs.key, checked(key)));
      return row?.bytes ?? null;
    },
    async delete(key) {
      const res = await db().delete(vaultBlobs).where(eq(vaultBlobs.key, checked(key)));
      if ((res.rowCount ?? 0) > 0) await vacuumErased(store, vaultBlobs);
    },
    async exists(key) {
      const [row] = await db().select({ key: vaultBlobs.key }).from(vaultBlobs).where(eq(vaultBlobs.key, checked(key)));
      return row !== undefined;
    },
  };
}
