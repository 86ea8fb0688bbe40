import { and, asc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { Clock } from '../../shared/clock.js';
import type { ReferralSeverity } from '../../contract/referrals.js';
import { newerThan } from '../../db/keyset.js';
import { accessRequests } from '../approvals/approvals-tables.js';
import { escalations } from '../escalation/escalation-tables.js';
import { referrals } from '../referrals/referral-tables.js';
import type { BackgroundJob } from '../jobs/background-job.js';
import { readReportsCursor, TOTALS_BACKFILL } from './daily-totals-backfill.js';
import { alertEndTotal, alertRaisedTotal, approvalTotal, type TotalKey } from './daily-totals.js';
import { referralAcceptTotal } from './referral-accept-totals.js';
import { afterLast, backfillJobs, runTotalsBatch, type TotalsStep } from './totals-batch.js';

/** An alert recipient's row, as the backfill reads it. */
export interface AlertRow {
  itemId: string;
  recipientId: string;
  itemType: string;
  createdAt: number;
  stoppedAt: number | null;
  stopReason: string | null;
}

/** `boundary/[json [createdAt, itemId, recipientId]]`: alert recipients raised before `boundary`, after that key, are still to count. */
export function readAlertsCursor(cursor: string): { boundary: number; after?: [number, string, string] } {
  const slash = cursor.indexOf('/');
  const rest = cursor.slice(slash + 1);
  return { boundary: Number(cursor.slice(0, slash)), ...(rest ? { after: JSON.parse(rest) as [number, string, string] } : {}) };
}

/** What one backfilled alert recipient adds: the alert, and its opening in time when that came before the live counting began. */
export function alertTotals(r: AlertRow, boundary: number): (TotalKey | undefined)[] {
  const ended = r.stoppedAt !== null && r.stoppedAt < boundary ? alertEndTotal(r, r.stopReason ?? '', r.stoppedAt) : undefined;
  return [alertRaisedTotal(r.createdAt), ended];
}

/** A batch of alert recipients read (either store): what it adds, and the cursor after it. */
export const alertsStep = (boundary: number, rows: readonly AlertRow[], limit: number): TotalsStep => ({
  totals: rows.flatMap((r) => alertTotals(r, boundary)),
  next: afterLast(rows, limit, (l) => `${boundary}/${JSON.stringify([l.createdAt, l.itemId, l.recipientId])}`),
});
/** A batch of decided requests read (either store): what it adds, and the cursor after it. */
export const approvalsStep = (boundary: number, rows: readonly { id: string; createdAt: number; decidedAt: number | null }[], limit: number): TotalsStep => ({
  totals: rows.map((r) => approvalTotal(r.createdAt, r.decidedAt!)),
  next: afterLast(rows, limit, (l) => `${boundary}/${l.decidedAt}/${l.id}`),
});

type Col = Parameters<typeof gt>[0];
/** Decided requests before the boundary, past the cursor's key, in (decidedAt, id) order (either dialect's columns). */
export function approvalsWhere(t: { decidedAt: Col; id: Col; status: Col }, cursor: ReturnType<typeof readReportsCursor>): SQL | undefined {
  const { boundary, after } = cursor;
  return and(
    lt(t.decidedAt, boundary),
    inArray(t.status, ['approved', 'denied']),
    after ? and(gte(t.decidedAt, after.createdAt), or(gt(t.decidedAt, after.createdAt), gt(t.id, after.id))) : undefined,
  );
}
/** Alert recipients raised before the boundary, past the cursor's key, in (createdAt, itemId, recipientId) order. */
export function alertsWhere(t: { itemType: Col; createdAt: Col; itemId: Col; recipientId: Col }, cursor: ReturnType<typeof readAlertsCursor>): SQL | undefined {
  const { boundary, after } = cursor;
  return and(
    eq(t.itemType, 'alert'),
    lt(t.createdAt, boundary),
    after ? and(gte(t.createdAt, after[0]), sql`(${t.createdAt}, ${t.itemId}, ${t.recipientId}) > (${after[0]}, ${after[1]}, ${after[2]})`) : undefined,
  );
}

/** A batch of accepted referrals read (either store): what it adds, and the cursor after it. */
export const acceptedStep = (boundary: number, rows: readonly AcceptedRow[], limit: number): TotalsStep => ({
  totals: rows.map((r) => referralAcceptTotal(r, r.acceptedAt!)),
  next: afterLast(rows, limit, (l) => `${boundary}/${l.sentAt}/${l.id}`),
});
/** An accepted referral as the backfill reads it. */
export type AcceptedRow = { id: string; severity: ReferralSeverity; specialty: string; sentAt: number; acceptedAt: number | null };
/** Referrals accepted before the boundary, past the cursor's (sentAt, id), in that order: a seek on referrals_status_sent_idx. */
export function acceptedWhere(t: { status: Col; sentAt: Col; id: Col; acceptedAt: Col }, cursor: ReturnType<typeof readReportsCursor>): SQL | undefined {
  const { boundary, after } = cursor;
  return and(eq(t.status, 'accepted'), lt(t.acceptedAt, boundary), newerThan({ createdAt: t.sentAt, id: t.id }, after && { at: after.createdAt, id: after.id }));
}

const ACCEPTED_COLUMNS = { id: referrals.id, severity: referrals.severity, specialty: referrals.specialty, sentAt: referrals.sentAt, acceptedAt: referrals.acceptedAt };
const APPROVAL_COLUMNS = { id: accessRequests.id, createdAt: accessRequests.createdAt, decidedAt: accessRequests.decidedAt };
const ALERT_COLUMNS = { itemId: escalations.itemId, recipientId: escalations.recipientId, itemType: escalations.itemType, createdAt: escalations.createdAt, stoppedAt: escalations.stoppedAt, stopReason: escalations.stopReason };

/**
 * The one-off backfills of the dashboard's approval, alert and referral running totals (what was
 * decided, raised or accepted before the daily_totals_approvals_alerts or daily_totals_referrals migration), one batch at a time on SQLite: the counts
 * and the job's new cursor in one transaction, so a stop between batches neither loses nor repeats one.
 */
export function createEventTotalsBackfill(db: Db, store: SqliteStore) {
  return store.wrap({
    approvalsBatch(cursor: string, limit: number, now: number): string | null {
      const at = readReportsCursor(cursor);
      return runTotalsBatch(db, TOTALS_BACKFILL.approvals, now, (tx) =>
        approvalsStep(at.boundary, tx.select(APPROVAL_COLUMNS).from(accessRequests).where(approvalsWhere(accessRequests, at)).orderBy(asc(accessRequests.decidedAt), asc(accessRequests.id)).limit(limit).all(), limit),
      );
    },
    acceptedBatch(cursor: string, limit: number, now: number): string | null {
      const at = readReportsCursor(cursor);
      return runTotalsBatch(db, TOTALS_BACKFILL.referrals, now, (tx) =>
        acceptedStep(at.boundary, tx.select(ACCEPTED_COLUMNS).from(referrals).where(acceptedWhere(referrals, at)).orderBy(asc(referrals.sentAt), asc(referrals.id)).limit(limit).all(), limit),
      );
    },
    alertsBatch(cursor: string, limit: number, now: number): string | null {
      const at = readAlertsCursor(cursor);
      return runTotalsBatch(db, TOTALS_BACKFILL.alerts, now, (tx) =>
        alertsStep(at.boundary, tx.select(ALERT_COLUMNS).from(escalations).where(alertsWhere(escalations, at)).orderBy(asc(escalations.createdAt), asc(escalations.itemId), asc(escalations.recipientId)).limit(limit).all(), limit),
      );
    },
  });
}

export type EventTotalsBackfill = ReturnType<typeof createEventTotalsBackfill>;

/** The three backfills as after-ready jobs (500 rows a batch). */
export function eventTotalsBackfillJobs(backfill: EventTotalsBackfill, clock: Clock): BackgroundJob[] {
  return backfillJobs(clock, [
    [TOTALS_BACKFILL.approvals, 500, backfill.approvalsBatch],
    [TOTALS_BACKFILL.alerts, 500, backfill.alertsBatch],
    [TOTALS_BACKFILL.referrals, 500, backfill.acceptedBatch],
  ]);
}
