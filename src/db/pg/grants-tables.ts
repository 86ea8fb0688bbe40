import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { BreakGlassReviewStatus, GrantKind } from '../../domain/grants/grants-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/grants/grants-tables.ts. */
export const grants = pgTable(
  'grants',
  {
    id: text().primaryKey(),
    kind: text().$type<GrantKind>().notNull(),
    documentId: text(),
    caseId: text().notNull(),
    clinicianId: text().notNull(),
    createdAt: ms().notNull(),
    expiresAt: ms().notNull(),
    requestId: text(),
    revokedAt: ms(),
    expiryRecordedAt: ms(),
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

export const breakGlassReviews = pgTable(
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
    reviewedAt: ms(),
    createdAt: ms().notNull(),
  },
  (t) => [index('break_glass_reviews_status_idx').on(t.status, t.createdAt)],
);
