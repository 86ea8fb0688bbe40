import { and, asc, count, eq, gt, isNull, ne } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { vaultKeys } from './vault-tables.js';

export type VaultKeyRow = typeof vaultKeys.$inferSelect;
export type NewVaultKeyRow = typeof vaultKeys.$inferInsert;

export interface RewrapCandidate {
  documentId: string;
  kekVersion: number;
  wrappedKey: Buffer;
}

export interface RewrapUpdate {
  documentId: string;
  fromVersion: number;
  toVersion: number;
  wrappedKey: Buffer;
}

/** Every SQL statement the vault runs; every method answers with a Promise (store.wrap). */
export function createVaultRepository({ db, sqlite, store }: Pick<DbHandle, 'db' | 'sqlite' | 'store'>) {
  const live = isNull(vaultKeys.destroyedAt);
  return store.wrap({
    find(documentId: string): VaultKeyRow | undefined {
      return db.select().from(vaultKeys).where(eq(vaultKeys.documentId, documentId)).get();
    },

    insert(row: NewVaultKeyRow): void {
      db.insert(vaultKeys).values(row).run();
    },

    /**
     * Crypto-shredding: nulls the key columns. `secure_delete` makes SQLite zero the freed bytes instead
     * of leaving them in the page, and the TRUNCATE checkpoint moves the page into the main file and
     * empties the WAL, so the old wrapped key is not left behind in either file. The checkpoint is best
     * effort: with a long-running reader open it may not complete until a later checkpoint.
     */
    destroy(documentId: string, at: number): boolean {
      const previous = sqlite.pragma('secure_delete', { simple: true });
      sqlite.pragma('secure_delete = ON');
      try {
        const res = db
          .update(vaultKeys)
          .set({ wrappedKey: null, iv: null, tag: null, destroyedAt: at })
          .where(and(eq(vaultKeys.documentId, documentId), live))
          .run();
        if (res.changes > 0) sqlite.pragma('wal_checkpoint(TRUNCATE)');
        return res.changes > 0;
      } finally {
        sqlite.pragma(`secure_delete = ${Number(previous) ? 'ON' : 'OFF'}`);
      }
    },

    /** Live data keys per KEK version. */
    countByVersion(): { kekVersion: number; count: number }[] {
      return db
        .select({ kekVersion: vaultKeys.kekVersion, count: count() })
        .from(vaultKeys)
        .where(live)
        .groupBy(vaultKeys.kekVersion)
        .orderBy(asc(vaultKeys.kekVersion))
        .all();
    },

    countNotAt(version: number): number {
      const row = db.select({ n: count() }).from(vaultKeys).where(and(live, ne(vaultKeys.kekVersion, version))).get();
      return row?.n ?? 0;
    },

    /** Keyset page of live keys not under `version`, after `afterId` in id order. */
    listNotAt(version: number, afterId: string, limit: number): RewrapCandidate[] {
      const rows = db
        .select({ documentId: vaultKeys.documentId, kekVersion: vaultKeys.kekVersion, wrappedKey: vaultKeys.wrappedKey })
        .from(vaultKeys)
        .where(and(live, ne(vaultKeys.kekVersion, version), gt(vaultKeys.documentId, afterId)))
        .orderBy(asc(vaultKeys.documentId))
        .limit(limit)
        .all();
      return rows.filter((r): r is RewrapCandidate => r.wrappedKey !== null);
    },

    /**
     * Applies a batch in one transaction. Each update only lands if the row is still live and still
     * at `fromVersion`, so a concurrent destroy or rewrap is never overwritten. Returns rows changed.
     */
    applyRewraps(updates: readonly RewrapUpdate[]): number {
      return db.transaction((tx) => {
        let changed = 0;
        for (const u of updates) {
          changed += tx
            .update(vaultKeys)
            .set({ kekVersion: u.toVersion, wrappedKey: u.wrappedKey })
            .where(and(eq(vaultKeys.documentId, u.documentId), eq(vaultKeys.kekVersion, u.fromVersion), live))
            .run().changes;
        }
        return changed;
      });
    },
  });
}

export type VaultRepository = ReturnType<typeof createVaultRepository>;
