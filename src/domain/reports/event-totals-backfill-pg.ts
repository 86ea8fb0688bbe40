import { asc } from 'drizzle-orm';
import { accessRequests } from '../../db/pg/approvals-tables.js';
import { escalations } from '../../db/pg/escalation-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { readReportsCursor, TOTALS_BACKFILL } from './daily-totals-backfill.js';
import { saveBackfillPg } from './daily-totals-backfill-pg.js';
import { addTotalsPg } from './daily-totals-repository-pg.js';
import { approvalTotal, tally } from './daily-totals.js';
import { alertsWhere, alertTotals, approvalsWhere, nextAlertsCursor, nextApprovalsCursor, readAlertsCursor, type EventTotalsBackfill } from './event-totals-backfill.js';

/** The approval and alert totals backfills on PostgreSQL: the same port as event-totals-backfill.ts. */
export function createPgEventTotalsBackfill(store: PgStore): EventTotalsBackfill {
  const db = () => store.db();
  return {
    approvalsBatch: (cursor, limit, now) =>
      store.transaction(async () => {
        const at = readReportsCursor(cursor);
        const rows = await db()
          .select({ id: accessRequests.id, createdAt: accessRequests.createdAt, decidedAt: accessRequests.decidedAt })
          .from(accessRequests)
          .where(approvalsWhere(accessRequests, at))
          .orderBy(asc(accessRequests.decidedAt), asc(accessRequests.id))
          .limit(limit);
        await addTotalsPg(store, tally(rows.map((r) => approvalTotal(r.createdAt, r.decidedAt!))));
        const out = nextApprovalsCursor(at.boundary, rows, limit);
        await saveBackfillPg(store, TOTALS_BACKFILL.approvals, out, now);
        return out;
      }),
    alertsBatch: (cursor, limit, now) =>
      store.transaction(async () => {
        const at = readAlertsCursor(cursor);
        const rows = await db()
          .select({ itemId: escalations.itemId, recipientId: escalations.recipientId, itemType: escalations.itemType, createdAt: escalations.createdAt, stoppedAt: escalations.stoppedAt, stopReason: escalations.stopReason })
          .from(escalations)
          .where(alertsWhere(escalations, at))
          .orderBy(asc(escalations.createdAt), asc(escalations.itemId), asc(escalations.recipientId))
          .limit(limit);
        await addTotalsPg(store, tally(rows.flatMap((r) => alertTotals(r, at.boundary))));
        const out = nextAlertsCursor(at.boundary, rows, limit);
        await saveBackfillPg(store, TOTALS_BACKFILL.alerts, out, now);
        return out;
      }),
  };
}
