import { and, asc, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import { stepRowId } from '../patients/free-text-repository.js';
import { olderThan } from '../../db/keyset.js';
import type { TimeCursor } from '../../shared/time-cursor.js';
import { accessRequests, accessRequestSteps, type AccessRequestStatus } from './approvals-tables.js';
import { addTotals } from '../reports/daily-totals-repository.js';
import { approvalTotal, tally } from '../reports/daily-totals.js';

export type AccessRequestRow = typeof accessRequests.$inferSelect;
/** Approved or denied: what the dashboard's approval turnaround counts (an expiry is not a decision). */
export const isDecision = (status: AccessRequestStatus): boolean => status === 'approved' || status === 'denied';
export type NewAccessRequestRow = typeof accessRequests.$inferInsert;
export type AccessRequestStepRow = typeof accessRequestSteps.$inferSelect;

/**
 * Named queries over access requests and their decided steps; every method answers with a Promise.
 * A step's note is the decider's free text (it may name the patient): sealed with `texts` at rest.
 */
export function createApprovalRepository(db: Db, store: SqliteStore, texts: FreeTextCipher) {
  const openStep = (r: AccessRequestStepRow): AccessRequestStepRow => ({
    ...r,
    note: openOrNull(texts, 'access_request_steps.note', stepRowId(r.requestId, r.stepIndex), r.note),
  });
  return store.wrap({
    find(id: string): AccessRequestRow | undefined {
      return db.select().from(accessRequests).where(eq(accessRequests.id, id)).get();
    },

    /** Pending requests on any of these documents, oldest first. */
    pendingForDocuments(documentIds: string[]): AccessRequestRow[] {
      if (documentIds.length === 0) return [];
      return db
        .select()
        .from(accessRequests)
        .where(and(inArray(accessRequests.documentId, documentIds), eq(accessRequests.status, 'pending')))
        .orderBy(asc(accessRequests.createdAt))
        .all();
    },

    /** Requests in one state, newest first, a keyset page after `after` (access_requests_status_created_idx; the admin console). */
    listByStatus(status: AccessRequestStatus, limit: number, after?: TimeCursor): AccessRequestRow[] {
      const where = and(eq(accessRequests.status, status), olderThan({ createdAt: accessRequests.createdAt, id: accessRequests.id }, after));
      return db.select().from(accessRequests).where(where).orderBy(desc(accessRequests.createdAt), desc(accessRequests.id)).limit(limit).all();
    },

    /** Every request on these documents, any state, oldest first (the PDPO data access report). */
    forDocuments(documentIds: readonly string[]): AccessRequestRow[] {
      if (documentIds.length === 0) return [];
      return db.select().from(accessRequests).where(inArray(accessRequests.documentId, [...documentIds])).orderBy(asc(accessRequests.createdAt)).all();
    },

    /** Decided steps of many requests at once, in step order per request. */
    stepsOf(requestIds: readonly string[]): AccessRequestStepRow[] {
      if (requestIds.length === 0) return [];
      return db
        .select()
        .from(accessRequestSteps)
        .where(inArray(accessRequestSteps.requestId, [...requestIds]))
        .orderBy(asc(accessRequestSteps.requestId), asc(accessRequestSteps.stepIndex))
        .all()
        .map(openStep);
    },

    /** Requests approved or denied in [from, to): creation and decision times, for turnaround charts. */
    decidedBetween(from: number, to: number): Pick<AccessRequestRow, 'id' | 'createdAt' | 'decidedAt' | 'status'>[] {
      return db
        .select({ id: accessRequests.id, createdAt: accessRequests.createdAt, decidedAt: accessRequests.decidedAt, status: accessRequests.status })
        .from(accessRequests)
        .where(and(inArray(accessRequests.status, ['approved', 'denied']), gte(accessRequests.decidedAt, from), lt(accessRequests.decidedAt, to)))
        .all();
    },

    findPending(documentId: string, requesterId: string): AccessRequestRow | undefined {
      return db
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.documentId, documentId), eq(accessRequests.requesterId, requesterId), eq(accessRequests.status, 'pending')))
        .get();
    },

    insert(row: NewAccessRequestRow): void {
      db.insert(accessRequests).values(row).run();
    },

    steps(requestId: string): AccessRequestStepRow[] {
      return db.select().from(accessRequestSteps).where(eq(accessRequestSteps.requestId, requestId)).orderBy(asc(accessRequestSteps.stepIndex)).all().map(openStep);
    },

    insertStep(row: AccessRequestStepRow): void {
      const note = sealOrNull(texts, 'access_request_steps.note', stepRowId(row.requestId, row.stepIndex), row.note);
      db.insert(accessRequestSteps).values({ ...row, note }).run();
    },

    /**
     * Moves a request on only if it is still pending at `fromStep`; false means someone else moved it
     * first, and the caller must not act on its stale read.
     */
    transition(id: string, fromStep: number, patch: { status: AccessRequestStatus; stepIndex: number; decidedAt?: number | null; grantId?: string | null }): boolean {
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const moved = tx
          .update(accessRequests)
          .set(patch)
          .where(and(eq(accessRequests.id, id), eq(accessRequests.status, 'pending'), eq(accessRequests.stepIndex, fromStep)))
          .returning({ createdAt: accessRequests.createdAt })
          .all();
        // A decision counts towards the dashboard's turnaround, in the same transaction (daily_totals).
        if (moved[0] && patch.decidedAt != null && isDecision(patch.status)) addTotals(tx, tally([approvalTotal(moved[0].createdAt, patch.decidedAt)]));
        return moved.length > 0;
      });
    },

    setGrant(id: string, grantId: string): void {
      db.update(accessRequests).set({ grantId }).where(eq(accessRequests.id, id)).run();
    },

    expire(id: string, at: number): boolean {
      return (
        db
          .update(accessRequests)
          .set({ status: 'expired', decidedAt: at })
          .where(and(eq(accessRequests.id, id), eq(accessRequests.status, 'pending')))
          .run().changes > 0
      );
    },

    /** Pending requests whose time is up, oldest first. */
    lapsed(now: number, limit: number): AccessRequestRow[] {
      return db
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.status, 'pending'), lte(accessRequests.expiresAt, now)))
        .orderBy(asc(accessRequests.expiresAt))
        .limit(limit)
        .all();
    },
  });
}

export type ApprovalRepository = ReturnType<typeof createApprovalRepository>;
