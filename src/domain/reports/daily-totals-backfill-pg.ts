import { and, asc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import { auditEntries } from '../../db/pg/audit-tables.js';
import { backgroundJobs } from '../../db/pg/jobs-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { documentReceipts, documents } from '../../db/pg/sharing-tables.js';
import { readAuditCursor, readReportsCursor, reportTotals, TOTALS_BACKFILL, type TotalsBackfill } from './daily-totals-backfill.js';
import { addTotalsPg } from './daily-totals-repository-pg.js';
import { auditTotal, tally } from './daily-totals.js';

/** Saves a backfill's cursor in the batch's own transaction (null: done at `now`). */
export const saveBackfillPg = async (store: PgStore, name: string, cursor: string | null, now: number): Promise<void> => {
  await store.db().update(backgroundJobs).set({ cursor, doneAt: cursor === null ? now : null }).where(eq(backgroundJobs.name, name));
};

/** The daily_totals backfills on PostgreSQL: the same port as daily-totals-backfill.ts. */
export function createPgTotalsBackfill(store: PgStore): TotalsBackfill {
  const db = () => store.db();
  const save = (name: string, cursor: string | null, now: number) => saveBackfillPg(store, name, cursor, now);
  return {
    auditBatch: (cursor, limit, now) =>
      store.transaction(async () => {
        const { next, end } = readAuditCursor(cursor);
        const upTo = Math.min(end, next + limit);
        const rows = await db()
          .select({ at: auditEntries.at, action: auditEntries.action, outcome: auditEntries.outcome, reason: auditEntries.reason })
          .from(auditEntries)
          .where(and(gte(auditEntries.idx, next), lt(auditEntries.idx, upTo)));
        await addTotalsPg(store, tally(rows.map(auditTotal)));
        const out = upTo >= end ? null : `${upTo}/${end}`;
        await save(TOTALS_BACKFILL.audit, out, now);
        return out;
      }),
    reportsBatch: (cursor, limit, now) =>
      store.transaction(async () => {
        const { boundary, after } = readReportsCursor(cursor);
        const firstViewAt = sql<number | null>`(select min(${documentReceipts.firstOpenedAt}) from ${documentReceipts}
          where ${documentReceipts.documentId} = ${documents.id} and ${documentReceipts.clinicianId} <> ${documents.authorId})`.mapWith((v) => (v === null ? null : Number(v)));
        const rows = await db()
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
          .limit(limit);
        await addTotalsPg(store, tally(rows.flatMap((r) => reportTotals(r, boundary))));
        const last = rows.at(-1);
        const out = rows.length < limit || !last ? null : `${boundary}/${last.createdAt}/${last.id}`;
        await save(TOTALS_BACKFILL.reports, out, now);
        return out;
      }),
  };
}
