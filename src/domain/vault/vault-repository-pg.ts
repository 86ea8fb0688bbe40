import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { vacuumErased } from '../../db/pg/pg-vacuum.js';
import { vaultKeys } from '../../db/pg/vault-tables.js';
import type { RewrapCandidate, VaultRepository } from './vault-repository.js';

/**
 * The vault's statements on PostgreSQL: the same port as vault-repository.ts. What differs:
 * - the rewrap keyset walks document ids in byte order (`COLLATE "C"`), as SQLite compares text;
 * - crypto-shredding has no secure_delete: after a destroy the table is VACUUMed (vacuumErased).
 */
export function createPgVaultRepository(store: PgStore): VaultRepository {
  const db = () => store.db();
  const live = isNull(vaultKeys.destroyedAt);
  return {
    async find(documentId) {
      const [row] = await db().select().from(vaultKeys).where(eq(vaultKeys.documentId, documentId));
      return row;
    },
    async insert(row) {
      await db().insert(vaultKeys).values(row);
    },
    async destroy(documentId, at) {
      const res = await db()
        .update(vaultKeys)
        .set({ wrappedKey: null, iv: null, tag: null, destroyedAt: at })
        .where(and(eq(vaultKeys.documentId, documentId), live));
      const destroyed = (res.rowCount ?? 0) > 0;
      if (destroyed) await vacuumErased(store, vaultKeys);
      return destroyed;
    },
    async countByVersion() {
      return db()
        .select({ kekVersion: vaultKeys.kekVersion, count: count() })
        .from(vaultKeys)
        .where(live)
        .groupBy(vaultKeys.kekVersion)
        .orderBy(asc(vaultKeys.kekVersion));
    },
    async countNotAt(version) {
      const [row] = await db().select({ n: count() }).from(vaultKeys).where(and(live, ne(vaultKeys.kekVersion, version)));
      return row?.n ?? 0;
    },
    async listNotAt(version, afterId, limit) {
      const rows = await db()
        .select({ documentId: vaultKeys.documentId, kekVersion: vaultKeys.kekVersion, wrappedKey: vaultKeys.wrappedKey })
        .from(vaultKeys)
        .where(and(live, ne(vaultKeys.kekVersion, version), sql`${sqlCollateC(vaultKeys.documentId)} > ${afterId}`))
        .orderBy(sqlCollateC(vaultKeys.documentId))
        .limit(limit);
      return rows.filter((r): r is RewrapCandidate => r.wrappedKey !== null);
    },
    async applyRewraps(updates) {
      return store.transaction(async () => {
        let changed = 0;
        for (const u of updates) {
          const res = await db()
            .update(vaultKeys)
            .set({ kekVersion: u.toVersion, wrappedKey: u.wrappedKey })
            .where(and(eq(vaultKeys.documentId, u.documentId), eq(vaultKeys.kekVersion, u.fromVersion), live));
          changed += res.rowCount ?? 0;
        }
        return changed;
      });
    },
  };
}
