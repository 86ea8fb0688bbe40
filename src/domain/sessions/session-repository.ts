import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { refreshTokens, sessionFamilies } from './sessions-tables.js';

/** Expired logins ended per purge: the purge rides on a login, so its cost must not grow with the backlog. */
export const PURGE_BATCH = 200;

export type SessionFamilyRow = typeof sessionFamilies.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** Named queries over session families and refresh tokens; every method answers with a Promise. */
export function createSessionRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    insertFamily(row: typeof sessionFamilies.$inferInsert): void {
      db.insert(sessionFamilies).values(row).run();
    },
    family(id: string): SessionFamilyRow | undefined {
      return db.select().from(sessionFamilies).where(eq(sessionFamilies.id, id)).get();
    },
    insertToken(row: typeof refreshTokens.$inferInsert): void {
      db.insert(refreshTokens).values(row).run();
    },
    tokenByHash(hash: string): RefreshTokenRow | undefined {
      return db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash)).get();
    },
    /** Compare-and-set: true only for the one caller that marks a still-unused token used. */
    markUsed(hash: string, at: number): boolean {
      return (
        db.update(refreshTokens).set({ usedAt: at }).where(and(eq(refreshTokens.tokenHash, hash), isNull(refreshTokens.usedAt))).run()
          .changes > 0
      );
    },
    /** True when this call revoked it (false if already revoked or unknown). */
    revokeFamily(id: string, at: number, reason: string): boolean {
      return (
        db
          .update(sessionFamilies)
          .set({ revokedAt: at, revokedReason: reason })
          .where(and(eq(sessionFamilies.id, id), isNull(sessionFamilies.revokedAt)))
          .run().changes > 0
      );
    },
    /** Revokes every live family of a clinician; returns how many. */
    revokeAllFor(clinicianId: string, at: number, reason: string): number {
      return db
        .update(sessionFamilies)
        .set({ revokedAt: at, revokedReason: reason })
        .where(and(eq(sessionFamilies.clinicianId, clinicianId), isNull(sessionFamilies.revokedAt)))
        .run().changes;
    },
    /** Deletes tokens and families whose absolute lifetime ended before `before`. */
    /** Ends at most `limit` expired logins, oldest first (with their refresh tokens); how many it ended. */
    purgeExpired(before: number, limit = PURGE_BATCH): number {
      return db.transaction((tx) => {
        const ids = tx.select({ id: sessionFamilies.id }).from(sessionFamilies).where(lte(sessionFamilies.expiresAt, before))
          .orderBy(asc(sessionFamilies.expiresAt)).limit(limit).all().map((r) => r.id);
        if (ids.length === 0) return 0;
        tx.delete(refreshTokens).where(inArray(refreshTokens.familyId, ids)).run();
        tx.delete(sessionFamilies).where(inArray(sessionFamilies.id, ids)).run();
        return ids.length;
      });
    },
  });
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
