import { and, asc, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { breakGlassReviews, grants } from '../../db/pg/grants-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import type { BreakGlassReviewRow, GrantRepository } from './grant-repository.js';
import { newerThan, olderThan } from '../../db/keyset.js';

/** Grants and break-glass reviews on PostgreSQL: the same port as grant-repository.ts (reason and note sealed). */
export function createPgGrantRepository(store: PgStore, texts: FreeTextCipher): GrantRepository {
  const db = () => store.db();
  const openReview = (r: BreakGlassReviewRow): BreakGlassReviewRow => ({
    ...r,
    reason: texts.open('break_glass_reviews.reason', r.id, r.reason),
    note: openOrNull(texts, 'break_glass_reviews.note', r.id, r.note),
  });
  const live = (now: number) => and(gt(grants.expiresAt, now), isNull(grants.revokedAt));
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  const reviews = (status: BreakGlassReviewRow['status']) =>
    db().select().from(breakGlassReviews).where(eq(breakGlassReviews.status, status)).orderBy(asc(breakGlassReviews.createdAt), asc(breakGlassReviews.id));
  return {
    async insert(row) {
      await db().insert(grants).values(row);
    },
    async find(id) {
      const [row] = await db().select().from(grants).where(eq(grants.id, id));
      return row;
    },
    async findByRequest(requestId) {
      const [row] = await db().select().from(grants).where(eq(grants.requestId, requestId));
      return row;
    },
    async liveFor(clinicianId, caseId, now) {
      return db()
        .select()
        .from(grants)
        .where(and(eq(grants.clinicianId, clinicianId), eq(grants.caseId, caseId), live(now)));
    },
    async liveForClinician(clinicianId, now) {
      return db().select().from(grants).where(and(eq(grants.clinicianId, clinicianId), live(now)));
    },
    async liveOnCase(caseId, now) {
      return db().select().from(grants).where(and(eq(grants.caseId, caseId), live(now))).orderBy(asc(grants.createdAt));
    },
    async livePage(now, after, limit) {
      const past = newerThan({ createdAt: grants.expiresAt, id: grants.id }, after ? { at: after.expiresAt, id: after.id } : undefined);
      return db().select().from(grants).where(and(live(now), past)).orderBy(asc(grants.expiresAt), asc(grants.id)).limit(limit);
    },
    async revoke(id, at) {
      return changed(await db().update(grants).set({ revokedAt: at }).where(and(eq(grants.id, id), isNull(grants.revokedAt))));
    },
    async expiredUnrecorded(now, limit) {
      return db()
        .select()
        .from(grants)
        .where(and(lte(grants.expiresAt, now), isNull(grants.revokedAt), isNull(grants.expiryRecordedAt)))
        .orderBy(asc(grants.expiresAt), asc(grants.id))
        .limit(limit);
    },
    async markExpiryRecorded(id, at) {
      return changed(await db().update(grants).set({ expiryRecordedAt: at }).where(and(eq(grants.id, id), isNull(grants.expiryRecordedAt))));
    },
    async insertReview(row) {
      await db()
        .insert(breakGlassReviews)
        .values({ ...row, reason: texts.seal('break_glass_reviews.reason', row.id, row.reason), note: sealOrNull(texts, 'break_glass_reviews.note', row.id, row.note) });
    },
    async findReview(id) {
      const [r] = await db().select().from(breakGlassReviews).where(eq(breakGlassReviews.id, id));
      return r && openReview(r);
    },
    async closeReview(id, patch) {
      const note = sealOrNull(texts, 'break_glass_reviews.note', id, patch.note);
      return changed(
        await db()
          .update(breakGlassReviews)
          .set({ status: patch.status, reviewerId: patch.reviewerId, note, reviewedAt: patch.at })
          .where(and(eq(breakGlassReviews.id, id), eq(breakGlassReviews.status, 'pending'))),
      );
    },
    async reviewsByStatus(status, limit = 50, after) {
      const where = and(eq(breakGlassReviews.status, status), olderThan({ createdAt: breakGlassReviews.createdAt, id: breakGlassReviews.id }, after));
      const rows = await db().select().from(breakGlassReviews).where(where).orderBy(desc(breakGlassReviews.createdAt), desc(breakGlassReviews.id)).limit(limit);
      return rows.map(openReview);
    },
    async forCases(caseIds) {
      if (caseIds.length === 0) return [];
      return db().select().from(grants).where(inArray(grants.caseId, [...caseIds])).orderBy(asc(grants.createdAt), asc(grants.id));
    },
    async pendingReviews() {
      return (await reviews('pending')).map(openReview);
    },
  };
}
