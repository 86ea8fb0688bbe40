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
