import { and, asc, gte, lt, sql } from 'drizzle-orm';
import { auditEntries } from '../../db/pg/audit-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { documentReceipts, documents } from '../../db/pg/sharing-tables.js';
import { readAuditCursor, readReportsCursor, reportsWhere, reportTotals, TOTALS_BACKFILL, type TotalsBackfill } from './daily-totals-backfill.js';
import { auditTotal } from './daily-totals.js';
import { afterLast } from './totals-batch.js';
import { runTotalsBatchPg } from './totals-batch-pg.js';

/** The daily_totals backfills on PostgreSQL: the same port as daily-totals-backfill.ts. */
export function createPgTotalsBackfill(store: PgStore): TotalsBackfill {
  const db = () => store.db();
  return {
    auditBatch: (cursor, limit, now) => {
      const { next, end } = readAuditCursor(cursor);
      const upTo = Math.min(end, next + limit);
      return runTotalsBatchPg(store, TOTALS_BACKFILL.audit, now, async () => ({
        totals: (await db()
          .select({ at: auditEntries.at, action: auditEntries.action, outcome: auditEntries.outcome, reason: auditEntries.reason })
          .from(auditEntries)
          .where(and(gte(auditEntries.idx, next), lt(auditEntries.idx, upTo)))).map(auditTotal),
        next: upTo >= end ? null : `${upTo}/${end}`,
      }));
    },
    reportsBatch: (cursor, limit, now) => {
      const { boundary, after } = readReportsCursor(cursor);
      const firstViewAt = sql<number | null>`(select min(${documentReceipts.firstOpenedAt}) from ${documentReceipts}
        where ${documentReceipts.documentId} = ${documents.id} and ${documentReceipts.clinicianId} <> ${documents.authorId})`.mapWith((v) => (v === null ? null : Number(v)));
      return runTotalsBatchPg(store, TOTALS_BACKFILL.reports, now, async () => {
        const rows = await db().select({ id: documents.id, createdAt: documents.createdAt, firstViewAt }).from(documents).where(reportsWhere(documents, boundary, after)).orderBy(asc(documents.createdAt), asc(documents.id)).limit(limit);
        return { totals: rows.flatMap((r) => reportTotals(r, boundary)), next: afterLast(rows, limit, (l) => `${boundary}/${l.createdAt}/${l.id}`) };
      });
    },
  };
}
