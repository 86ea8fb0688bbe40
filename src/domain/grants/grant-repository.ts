import { and, asc, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import type { TimeCursor } from '../../shared/time-cursor.js';
import { breakGlassReviews, grants, type BreakGlassReviewStatus } from './grants-tables.js';
import { newerThan, olderThan } from '../../db/keyset.js';

export type GrantRow = typeof grants.$inferSelect;
export type NewGrantRow = typeof grants.$inferInsert;
export type BreakGlassReviewRow = typeof breakGlassReviews.$inferSelect;

/** Where a page of live grants continues: after this grant in (expiresAt, id) order. */
export interface LiveGrantsAfter {
  expiresAt: number;
  id: string;
}

/**
 * Named queries over grants and break-glass reviews; every method answers with a Promise (store.wrap).
 * A review's reason and note are free text (they may name the patient): sealed with `texts` at rest.
 */
export function createGrantRepository(db: Db, store: SqliteStore, texts: FreeTextCipher) {
  return store.wrap(grantQueries(db, texts));
}

function grantQueries(db: Db, texts: FreeTextCipher) {
  const openReview = (r: BreakGlassReviewRow): BreakGlassReviewRow => ({
    ...r,
    reason: texts.open('break_glass_reviews.reason', r.id, r.reason),
    note: openOrNull(texts, 'break_glass_reviews.note', r.id, r.note),
  });
  const live = (now: number) => and(gt(grants.expiresAt, now), isNull(grants.revokedAt));
  return {
    insert(row: NewGrantRow): void {
      db.insert(grants).values(row).run();
    },

    find(id: string): GrantRow | undefined {
      return db.select().from(grants).where(eq(grants.id, id)).get();
    },

    findByRequest(requestId: string): GrantRow | undefined {
      return db.select().from(grants).where(eq(grants.requestId, requestId)).get();
    },

    /** Live grants of one clinician on one case (approval and break-glass). */
    liveFor(clinicianId: string, caseId: string, now: number): GrantRow[] {
      return db
        .select()
        .from(grants)
        .where(and(eq(grants.clinicianId, clinicianId), eq(grants.caseId, caseId), live(now)))
        .all();
    },

    /** Every live grant of one clinician, on any case (leaving the organisation ends them all). */
    liveForClinician(clinicianId: string, now: number): GrantRow[] {
      return db.select().from(grants).where(and(eq(grants.clinicianId, clinicianId), live(now))).all();
    },

    /** Every live grant on one case (approval and break-glass), oldest first. */
    liveOnCase(caseId: string, now: number): GrantRow[] {
      return db.select().from(grants).where(and(eq(grants.caseId, caseId), live(now))).orderBy(asc(grants.createdAt)).all();
    },

    /** One page of every live grant, soonest to expire first (keyset on expiresAt, id): the console's list. */
    livePage(now: number, after: LiveGrantsAfter | null, limit: number): GrantRow[] {
      const past = newerThan({ createdAt: grants.expiresAt, id: grants.id }, after ? { at: after.expiresAt, id: after.id } : undefined);
      return db.select().from(grants).where(and(live(now), past)).orderBy(asc(grants.expiresAt), asc(grants.id)).limit(limit).all();
    },

    revoke(id: string, at: number): boolean {
      return db.update(grants).set({ revokedAt: at }).where(and(eq(grants.id, id), isNull(grants.revokedAt))).run().changes > 0;
    },

    /** Grants past their expiry whose expiry has not been recorded yet, oldest first. */
    expiredUnrecorded(now: number, limit: number): GrantRow[] {
      return db
        .select()
        .from(grants)
        .where(and(lte(grants.expiresAt, now), isNull(grants.revokedAt), isNull(grants.expiryRecordedAt)))
        .orderBy(asc(grants.expiresAt))
        .limit(limit)
        .all();
    },

    markExpiryRecorded(id: string, at: number): boolean {
      return (
        db.update(grants).set({ expiryRecordedAt: at }).where(and(eq(grants.id, id), isNull(grants.expiryRecordedAt))).run()
          .changes > 0
      );
    },

    insertReview(row: typeof breakGlassReviews.$inferInsert): void {
      db.insert(breakGlassReviews)
        .values({ ...row, reason: texts.seal('break_glass_reviews.reason', row.id, row.reason), note: sealOrNull(texts, 'break_glass_reviews.note', row.id, row.note) })
        .run();
    },

    findReview(id: string): BreakGlassReviewRow | undefined {
      const r = db.select().from(breakGlassReviews).where(eq(breakGlassReviews.id, id)).get();
      return r && openReview(r);
    },

    /** Closes a pending review; false when it was already reviewed (a concurrent reviewer won). */
    closeReview(id: string, patch: { status: Exclude<BreakGlassReviewStatus, 'pending'>; reviewerId: string; note: string | null; at: number }): boolean {
      return (
        db
          .update(breakGlassReviews)
          .set({ status: patch.status, reviewerId: patch.reviewerId, note: sealOrNull(texts, 'break_glass_reviews.note', id, patch.note), reviewedAt: patch.at })
          .where(and(eq(breakGlassReviews.id, id), eq(breakGlassReviews.status, 'pending')))
          .run().changes > 0
      );
    },

    /** Reviews in one state, newest first, a keyset page after `after` (break_glass_reviews_status_idx; the console's queue and history). */
    reviewsByStatus(status: BreakGlassReviewStatus, limit = 50, after?: TimeCursor): BreakGlassReviewRow[] {
      return db
        .select()
        .from(breakGlassReviews)
        .where(and(eq(breakGlassReviews.status, status), olderThan({ createdAt: breakGlassReviews.createdAt, id: breakGlassReviews.id }, after)))
        .orderBy(desc(breakGlassReviews.createdAt), desc(breakGlassReviews.id))
        .limit(limit)
        .all()
        .map(openReview);
    },

    /** Every grant on these cases, oldest first (the PDPO data access report). */
    forCases(caseIds: readonly string[]): GrantRow[] {
      if (caseIds.length === 0) return [];
      return db.select().from(grants).where(inArray(grants.caseId, [...caseIds])).orderBy(asc(grants.createdAt)).all();
    },

    pendingReviews(): BreakGlassReviewRow[] {
      return db
        .select()
        .from(breakGlassReviews)
        .where(eq(breakGlassReviews.status, 'pending'))
        .orderBy(asc(breakGlassReviews.createdAt))
        .all()
        .map(openReview);
    },
  };
}

export type GrantRepository = ReturnType<typeof createGrantRepository>;
