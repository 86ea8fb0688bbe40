import { and, asc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { newerThan } from '../../db/keyset.js';
import type { Clock } from '../../shared/clock.js';
import type { BackgroundJob } from '../jobs/background-job.js';
import { auditEntries } from '../audit/audit-tables.js';
import { documentReceipts, documents } from '../sharing/sharing-tables.js';
import { auditTotal, firstViewTotal, sharedTotal, type TotalKey } from './daily-totals.js';
import { afterLast, backfillJobs, runTotalsBatch } from './totals-batch.js';

/** The two one-off backfills of daily_totals (their background_jobs rows are written by the daily_totals_background_jobs migration). */
export const TOTALS_BACKFILL = {
  audit: 'daily_totals_audit',
  reports: 'daily_totals_reports',
  /** Written by the daily_totals_approvals_alerts migration. */
  approvals: 'daily_totals_approvals',
  alerts: 'daily_totals_alerts',
  /** Written by the daily_totals_referrals migration. */
  referrals: 'daily_totals_referrals',
} as const;

/** `next/end`: audit entries idx next…end-1 are still to count (end: the log's size when the totals began). */
export function readAuditCursor(cursor: string): { next: number; end: number } {
  const [next, end] = cursor.split('/').map(Number);
  return { next: next!, end: end! };
}

/** `boundary/[createdAt/id]`: reports shared (or requests decided) before `boundary`, after (that time, id), are still to count. */
export function readReportsCursor(cursor: string): { boundary: number; after?: { createdAt: number; id: string } } {
  const [boundary, createdAt, id] = cursor.split('/');
  return { boundary: Number(boundary), ...(createdAt && id ? { after: { createdAt: Number(createdAt), id } } : {}) };
}

/** What one backfilled report adds: its share, and its first view when that came before the live counting began. */
export function reportTotals(r: { createdAt: number; firstViewAt: number | null }, boundary: number): TotalKey[] {
  return r.firstViewAt !== null && r.firstViewAt < boundary ? [sharedTotal(r.createdAt), firstViewTotal(r.createdAt, r.firstViewAt)] : [sharedTotal(r.createdAt)];
}

type Col = Parameters<typeof gt>[0];
/** Reports shared before the boundary, past the cursor's (createdAt, id), in that order (either dialect's columns). */
export function reportsWhere(t: { kind: Col; createdAt: Col; id: Col }, boundary: number, after: ReturnType<typeof readReportsCursor>['after']) {
  return and(eq(t.kind, 'report'), lt(t.createdAt, boundary), newerThan(t, after && { at: after.createdAt, id: after.id }));
}

/**
 * One batch of each backfill on SQLite: the counts and the job's new cursor in one transaction, so a
 * stop between batches neither loses nor repeats a count. Answers the next cursor (null: done).
 */
export function createTotalsBackfill(db: Db, store: SqliteStore) {
  return store.wrap({
    auditBatch(cursor: string, limit: number, now: number): string | null {
      const { next, end } = readAuditCursor(cursor);
      const upTo = Math.min(end, next + limit);
      return runTotalsBatch(db, TOTALS_BACKFILL.audit, now, (tx) => ({
        totals: tx
          .select({ at: auditEntries.at, action: auditEntries.action, outcome: auditEntries.outcome, reason: auditEntries.reason })
          .from(auditEntries)
          .where(and(gte(auditEntries.idx, next), lt(auditEntries.idx, upTo)))
          .all()
          .map(auditTotal),
        next: upTo >= end ? null : `${upTo}/${end}`,
      }));
    },
    reportsBatch(cursor: string, limit: number, now: number): string | null {
      const { boundary, after } = readReportsCursor(cursor);
      const firstViewAt = sql<number | null>`(select min(${documentReceipts.firstOpenedAt}) from ${documentReceipts}
        where ${documentReceipts.documentId} = ${documents.id} and ${documentReceipts.clinicianId} <> ${documents.authorId})`;
      return runTotalsBatch(db, TOTALS_BACKFILL.reports, now, (tx) => {
        const rows = tx.select({ id: documents.id, createdAt: documents.createdAt, firstViewAt }).from(documents).where(reportsWhere(documents, boundary, after)).orderBy(asc(documents.createdAt), asc(documents.id)).limit(limit).all();
        return { totals: rows.flatMap((r) => reportTotals(r, boundary)), next: afterLast(rows, limit, (l) => `${boundary}/${l.createdAt}/${l.id}`) };
      });
    },
  });
}

export type TotalsBackfill = ReturnType<typeof createTotalsBackfill>;

/** The two backfills as after-ready jobs (audit entries 2000 a batch, reports 500). */
export function totalsBackfillJobs(backfill: TotalsBackfill, clock: Clock): BackgroundJob[] {
  return backfillJobs(clock, [[TOTALS_BACKFILL.audit, 2000, backfill.auditBatch], [TOTALS_BACKFILL.reports, 500, backfill.reportsBatch]]);
}
