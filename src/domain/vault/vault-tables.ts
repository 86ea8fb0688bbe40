import { index, integer, sqliteTable, text, blob } from 'drizzle-orm/sqlite-core';

export type VaultMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * Key material for each vault document: the data key wrapped by a versioned KEK, plus the IV and tag of
 * the content ciphertext (which itself lives in the blob store). Never plaintext, never file names.
 * `destroy()` nulls the key columns and sets `destroyedAt`: without the wrapped key the blob is noise
 * (crypto-shredding), and the row stays as a tombstone so a later open says "burned", not "not found".
 */
export const vaultKeys = sqliteTable(
  'vault_keys',
  {
    documentId: text().primaryKey(),
    caseId: text().notNull(),
    kekVersion: integer().notNull(),
    wrappedKey: blob({ mode: 'buffer' }),
    iv: blob({ mode: 'buffer' }),
    tag: blob({ mode: 'buffer' }),
    /** Content algorithm, so a later format change can coexist with old rows. */
    alg: text().notNull(),
    /** Plaintext size in bytes. */
    size: integer().notNull(),
    mediaType: text().$type<VaultMediaType>().notNull(),
    /** Hex SHA-256 of the ciphertext blob: lets integrity be checked without any key. */
    sha256: text().notNull(),
    createdAt: integer().notNull(),
    destroyedAt: integer(),
  },
  (t) => [index('vault_keys_kek_idx').on(t.kekVersion), index('vault_keys_case_idx').on(t.caseId)],
);

/**
 * The KEK versions of a shared keyring (PostgreSQL mode): what `KEY_DIR/keyring.json` records in
 * MASTER_KEY mode — version, when it was added, fingerprint — kept in the database so every instance
 * and the keys CLI see one keyring. Never a key: the keys come from MASTER_KEY (and MASTER_KEY_NEXT).
 * The current version is the highest. Unused on SQLite, where keyring.json stays as it is.
 */
export const vaultKekVersions = sqliteTable('vault_kek_versions', {
  version: integer().primaryKey(),
  createdAt: integer().notNull(),
  fingerprint: text().notNull().unique(),
});

/**
 * Ciphertext blobs in the database (PostgreSQL mode without BLOB_DIR), keyed like the files of the
 * folder store. Only ever ciphertext; a delete VACUUMs the table. Unused on SQLite (blobs are files).
 */
export const vaultBlobs = sqliteTable('vault_blobs', {
  key: text().primaryKey(),
  bytes: blob({ mode: 'buffer' }).notNull(),
  createdAt: integer().notNull(),
});
