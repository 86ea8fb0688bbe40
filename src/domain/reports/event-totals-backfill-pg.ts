import { asc } from 'drizzle-orm';
import { accessRequests } from '../../db/pg/approvals-tables.js';
import { escalations } from '../../db/pg/escalation-tables.js';
import { referrals } from '../../db/pg/referral-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { readReportsCursor, TOTALS_BACKFILL } from './daily-totals-backfill.js';
import { acceptedStep, acceptedWhere, alertsStep, alertsWhere, approvalsStep, approvalsWhere, readAlertsCursor, type EventTotalsBackfill } from './event-totals-backfill.js';
import { runTotalsBatchPg } from './totals-batch-pg.js';

/** The approval, alert and referral totals backfills on PostgreSQL: the same port as event-totals-backfill.ts. */
export function createPgEventTotalsBackfill(store: PgStore): EventTotalsBackfill {
  const db = () => store.db();
  return {
    approvalsBatch: (cursor, limit, now) => {
      const at = readReportsCursor(cursor);
      return runTotalsBatchPg(store, TOTALS_BACKFILL.approvals, now, async () =>
        approvalsStep(at.boundary, await db().select({ id: accessRequests.id, createdAt: accessRequests.createdAt, decidedAt: accessRequests.decidedAt }).from(accessRequests).where(approvalsWhere(accessRequests, at)).orderBy(asc(accessRequests.decidedAt), asc(accessRequests.id)).limit(limit), limit),
      );
    },
    acceptedBatch: (cursor, limit, now) => {
      const at = readReportsCursor(cursor);
      const columns = { id: referrals.id, severity: referrals.severity, specialty: referrals.specialty, sentAt: referrals.sentAt, acceptedAt: referrals.acceptedAt };
      return runTotalsBatchPg(store, TOTALS_BACKFILL.referrals, now, async () =>
        acceptedStep(at.boundary, await db().select(columns).from(referrals).where(acceptedWhere(referrals, at)).orderBy(asc(referrals.sentAt), asc(referrals.id)).limit(limit), limit),
      );
    },
    alertsBatch: (cursor, limit, now) => {
      const at = readAlertsCursor(cursor);
      const columns = { itemId: escalations.itemId, recipientId: escalations.recipientId, itemType: escalations.itemType, createdAt: escalations.createdAt, stoppedAt: escalations.stoppedAt, stopReason: escalations.stopReason };
      return runTotalsBatchPg(store, TOTALS_BACKFILL.alerts, now, async () =>
        alertsStep(at.boundary, await db().select(columns).from(escalations).where(alertsWhere(escalations, at)).orderBy(asc(escalations.createdAt), asc(escalations.itemId), asc(escalations.recipientId)).limit(limit), limit),
      );
    },
  };
}
