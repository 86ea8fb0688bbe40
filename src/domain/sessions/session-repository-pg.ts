import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { refreshTokens, sessionFamilies } from '../../db/pg/sessions-tables.js';
import { PURGE_BATCH, type SessionRepository } from './session-repository.js';

/** The session repository on PostgreSQL: the same port as the SQLite one (session-repository.ts). */
export function createPgSessionRepository(store: PgStore): SessionRepository {
  const db = () => store.db();
  return {
    async insertFamily(row) {
      await db().insert(sessionFamilies).values(row);
    },
    async family(id) {
      const [row] = await db().select().from(sessionFamilies).where(eq(sessionFamilies.id, id));
      return row;
    },
    async insertToken(row) {
      await db().insert(refreshTokens).values(row);
    },
    async tokenByHash(hash) {
      const [row] = await db().select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash));
      return row;
    },
    async markUsed(hash, at) {
      const r = await db()
        .update(refreshTokens)
        .set({ usedAt: at })
        .where(and(eq(refreshTokens.tokenHash, hash), isNull(refreshTokens.usedAt)));
      return (r.rowCount ?? 0) > 0;
    },
    async revokeFamily(id, at, reason) {
      const r = await db()
        .update(sessionFamilies)
        .set({ revokedAt: at, revokedReason: reason })
        .where(and(eq(sessionFamilies.id, id), isNull(sessionFamilies.revokedAt)));
      return (r.rowCount ?? 0) > 0;
    },
    async revokeAllFor(clinicianId, at, reason) {
      const r = await db()
        .update(sessionFamilies)
        .set({ revokedAt: at, revokedReason: reason })
        .where(and(eq(sessionFamilies.clinicianId, clinicianId), isNull(sessionFamilies.revokedAt)));
      return r.rowCount ?? 0;
    },
    async purgeExpired(before, limit = PURGE_BATCH) {
      return store.transaction(async () => {
        const rows = await db().select({ id: sessionFamilies.id }).from(sessionFamilies).where(lte(sessionFamilies.expiresAt, before))
          .orderBy(asc(sessionFamilies.expiresAt)).limit(limit);
        const ids = rows.map((r) => r.id);
        if (ids.length === 0) return 0;
        await db().delete(refreshTokens).where(inArray(refreshTokens.familyId, ids));
        await db().delete(sessionFamilies).where(inArray(sessionFamilies.id, ids));
        return ids.length;
      });
    },
  };
}
