import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { VaultMediaType } from '../../domain/vault/vault-tables.js';
import { bytea, ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/vault/vault-tables.ts. */
export const vaultKeys = pgTable(
  'vault_keys',
  {
    documentId: text().primaryKey(),
    caseId: text().notNull(),
    kekVersion: integer().notNull(),
    wrappedKey: bytea(),
    iv: bytea(),
    tag: bytea(),
    alg: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    mediaType: text().$type<VaultMediaType>().notNull(),
    sha256: text().notNull(),
    createdAt: ms().notNull(),
    destroyedAt: ms(),
  },
  (t) => [
    index('vault_keys_kek_idx').on(t.kekVersion),
    index('vault_keys_case_idx').on(t.caseId),
    // The rewrap's keyset walks document ids byte-wise (collate "C"): the primary key, in the database's
    // collation, cannot serve it, so each batch of a key rotation read every key.
    index('vault_keys_document_c_idx').on(sql`${t.documentId} collate "C"`),
  ],
);

/** PostgreSQL twin of vaultKekVersions: the shared keyring's versions and fingerprints (no keys). */
export const vaultKekVersions = pgTable('vault_kek_versions', {
  version: integer().primaryKey(),
  createdAt: ms().notNull(),
  fingerprint: text().notNull().unique(),
});

/** PostgreSQL twin of vaultBlobs: ciphertext blobs as bytea (PostgreSQL mode without BLOB_DIR). */
export const vaultBlobs = pgTable('vault_blobs', {
  key: text().primaryKey(),
  bytes: bytea().notNull(),
  createdAt: ms().notNull(),
});
