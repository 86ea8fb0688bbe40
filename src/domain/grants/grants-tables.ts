import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export type GrantKind = 'approval' | 'break_glass' | 'consult';
export type BreakGlassReviewStatus = 'pending' | 'approved' | 'flagged';

/**
 * Time-boxed access outside the care team. An approval grant covers one document; a break-glass
 * grant and a consult grant (an accepted referral, an MDT invitation) have no document and cover the
 * whole case. A grant counts only while now < expires_at and
 * it is not revoked, so expiry needs no sweep to take effect (the sweep only records it in the audit).
 */
export const grants = sqliteTable(
  'grants',
  {
    id: text().primaryKey(),
    kind: text().$type<GrantKind>().notNull(),
    documentId: text(),
    caseId: text().notNull(),
    clinicianId: text().notNull(),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
    /** The access request this grant answers; unique, so one approved request yields one grant. */
    requestId: text(),
    revokedAt: integer(),
    /** Set when the expiry sweep has written `grant.expired`, so it is written once. */
    expiryRecordedAt: integer(),
  },
  (t) => [
    index('grants_clinician_idx').on(t.clinicianId, t.expiresAt),
    // Live grants by expiry, keyset-paged on (expires_at, id): the order is the index's, so a page stops at its limit.
    index('grants_expiry_idx').on(t.expiresAt, t.id),
    // A case's grant history (timelines, reports).
    index('grants_case_idx').on(t.caseId, t.createdAt),
    // The expiry sweep's queue: only grants whose expiry is not yet recorded, so it never walks the ones that ever expired.
    index('grants_unrecorded_expiry_idx')
      .on(t.expiresAt)
      .where(sql`expiry_recorded_at is null and revoked_at is null`),
    uniqueIndex('grants_request_uq').on(t.requestId),
  ],
);

/**
 * Every break-glass access is reviewed after the fact. `reason` is the clinician's free-text
 * justification: kept here for the reviewer, sealed like `note` (FreeTextCipher), never copied into
 * audit entries or logs.
 */
export const breakGlassReviews = sqliteTable(
  'break_glass_reviews',
  {
    id: text().primaryKey(),
    grantId: text()
      .notNull()
      .unique()
      .references(() => grants.id),
    caseId: text().notNull(),
    clinicianId: text().notNull(),
    reason: text().notNull(),
    status: text().$type<BreakGlassReviewStatus>().notNull().default('pending'),
    reviewerId: text(),
    note: text(),
    reviewedAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [index('break_glass_reviews_status_idx').on(t.status, t.createdAt)],
);
