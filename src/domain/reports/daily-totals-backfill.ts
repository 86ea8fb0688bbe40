import { and, asc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { Clock } from '../../shared/clock.js';
import type { BackgroundJob } from '../jobs/background-job.js';
import { auditEntries } from '../audit/audit-tables.js';
import { backgroundJobs } from '../jobs/jobs-tables.js';
import { documentReceipts, documents } from '../sharing/sharing-tables.js';
import { addTotals } from './daily-totals-repository.js';
import { auditTotal, firstViewTotal, sharedTotal, tally, type TotalKey } from './daily-totals.js';

/** The two one-off backfills of daily_totals (their background_jobs rows are written by the daily_totals_background_jobs migration). */
export const TOTALS_BACKFILL = {
  audit: 'daily_totals_audit',
  reports: 'daily_totals_reports',
  /** Written by the daily_totals_approvals_alerts migration. */
  approvals: 'daily_totals_approvals',
  alerts: 'daily_totals_alerts',
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

/** Saves a backfill's cursor in the batch's own transaction (null: done at `now`). */
export const saveBackfill = (tx: Db, name: string, cursor: string | null, now: number) =>
  tx.update(backgroundJobs).set({ cursor, doneAt: cursor === null ? now : null }).where(eq(backgroundJobs.name, name)).run();

/**
 * One batch of each backfill on SQLite: the counts and the job's new cursor in one transaction, so a
 * stop between batches neither loses nor repeats a count. Answers the next cursor (null: done).
 */
export function createTotalsBackfill(db: Db, store: SqliteStore) {
  return store.wrap({
    auditBatch(cursor: string, limit: number, now: number): string | null {
      const { next, end } = readAuditCursor(cursor);
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const upTo = Math.min(end, next + limit);
        const rows = tx
          .select({ at: auditEntries.at, action: auditEntries.action, outcome: auditEntries.outcome, reason: auditEntries.reason })
          .from(auditEntries)
          .where(and(gte(auditEntries.idx, next), lt(auditEntries.idx, upTo)))
          .all();
        addTotals(tx, tally(rows.map(auditTotal)));
        const out = upTo >= end ? null : `${upTo}/${end}`;
        saveBackfill(tx, TOTALS_BACKFILL.audit, out, now);
        return out;
      });
    },
    reportsBatch(cursor: string, limit: number, now: number): string | null {
      const { boundary, after } = readReportsCursor(cursor);
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const firstViewAt = sql<number | null>`(select min(${documentReceipts.firstOpenedAt}) from ${documentReceipts}
          where ${documentReceipts.documentId} = ${documents.id} and ${documentReceipts.clinicianId} <> ${documents.authorId})`;
        const rows = tx
          .select({ id: documents.id, createdAt: documents.createdAt, firstViewAt })
          .from(documents)
          .where(
            and(
              eq(documents.kind, 'report'),
              lt(documents.createdAt, boundary),
              after ? or(gt(documents.createdAt, after.createdAt), and(eq(documents.createdAt, after.createdAt), gt(documents.id, after.id))) : undefined,
            ),
          )
          .orderBy(asc(documents.createdAt), asc(documents.id))
          .limit(limit)
          .all();
        addTotals(tx, tally(rows.flatMap((r) => reportTotals(r, boundary))));
        const last = rows.at(-1);
        const out = rows.length < limit || !last ? null : `${boundary}/${last.createdAt}/${last.id}`;
        saveBackfill(tx, TOTALS_BACKFILL.reports, out, now);
        return out;
      });
    },
  });
}

export type TotalsBackfill = ReturnType<typeof createTotalsBackfill>;

/** The two backfills as after-ready jobs (audit entries 2000 a batch, reports 500). */
export function totalsBackfillJobs(backfill: TotalsBackfill, clock: Clock): BackgroundJob[] {
  return [
    { name: TOTALS_BACKFILL.audit, step: async (cursor) => (cursor === null ? null : backfill.auditBatch(cursor, 2000, clock.now())) },
    { name: TOTALS_BACKFILL.reports, step: async (cursor) => (cursor === null ? null : backfill.reportsBatch(cursor, 500, clock.now())) },
  ];
}
