const DAY_MS = 86_400_000;
/** Hong Kong has no daylight saving: its days start at 16:00 UTC. */
export const HK_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 in Hong Kong time. */
export const hkDay = (ms: number): number => Math.floor((ms + HK_OFFSET_MS) / DAY_MS);

/** What the dashboard counts per Hong Kong day (daily_totals.metric). */
export const TOTALS = {
  /** Access decisions that denied, by reason (the dimension). */
  denial: 'denial',
  /** Escalation steps of any kind. */
  escalation: 'escalation',
  /** Reports shared, on the day shared. */
  reportShared: 'report_shared',
  /** Reports first opened by someone other than the author, on the day shared, by tenths of a minute it took (the dimension). */
  reportFirstView: 'report_first_view',
  /** Access requests approved or denied, on the day decided, by tenths of a minute from request to decision (the dimension). */
  approvalDecided: 'approval_decided',
  /** Urgent-alert recipients, on the day the alert was raised. */
  alertRaised: 'alert_raised',
  /** Urgent-alert recipients who opened it within ALERT_OPEN_TARGET_MS, on the day it was raised. */
  alertOpenedFast: 'alert_opened_fast',
  /** Referrals accepted, on the day sent, by `severity/specialty/bucketed ms` from sent to accepted (referralAcceptTotal). */
  referralAccepted: 'referral_accepted',
} as const;

/** An urgent alert counts as opened in time when its recipient opened it within five minutes. */
export const ALERT_OPEN_TARGET_MS = 5 * 60_000;

export type TotalMetric = (typeof TOTALS)[keyof typeof TOTALS];

export interface TotalKey {
  day: number;
  metric: TotalMetric;
  dimension: string;
}

export interface TotalRow extends TotalKey {
  n: number;
}

/** The running total an audit entry adds to, if any (the same entries the dashboard used to count). */
export function auditTotal(e: { at: number; action: string; outcome: string; reason: string | null }): TotalKey | undefined {
  if (e.action === 'access.decision' && e.outcome === 'denied') return { day: hkDay(e.at), metric: TOTALS.denial, dimension: e.reason ?? 'unknown' };
  if (e.action.startsWith('escalation.')) return { day: hkDay(e.at), metric: TOTALS.escalation, dimension: '' };
  return undefined;
}

/** A report's first view by someone other than its author: counted on its share day, by tenths of a minute. */
export const firstViewTotal = (sharedAt: number, firstViewAt: number): TotalKey => ({
  day: hkDay(sharedAt),
  metric: TOTALS.reportFirstView,
  dimension: String(Math.round((firstViewAt - sharedAt) / 6000)),
});

/** An access request's decision (approved or denied): on the day decided, by tenths of a minute it took. */
export const approvalTotal = (createdAt: number, decidedAt: number): TotalKey => ({
  day: hkDay(decidedAt),
  metric: TOTALS.approvalDecided,
  dimension: String(Math.round((decidedAt - createdAt) / 6000)),
});

export const alertRaisedTotal = (createdAt: number): TotalKey => ({ day: hkDay(createdAt), metric: TOTALS.alertRaised, dimension: '' });

/** An alert recipient's chase that ended: counted when they opened it within the target. */
export function alertEndTotal(e: { itemType: string; createdAt: number }, reason: string, stoppedAt: number): TotalKey | undefined {
  if (e.itemType !== 'alert' || reason !== 'opened' || stoppedAt - e.createdAt > ALERT_OPEN_TARGET_MS) return undefined;
  return { day: hkDay(e.createdAt), metric: TOTALS.alertOpenedFast, dimension: '' };
}

export const sharedTotal = (sharedAt: number): TotalKey => ({ day: hkDay(sharedAt), metric: TOTALS.reportShared, dimension: '' });

/** Adds up keys into rows (one upsert per distinct key). */
export function tally(keys: Iterable<TotalKey | undefined>): TotalRow[] {
  const out = new Map<string, TotalRow>();
  for (const k of keys) {
    if (!k) continue;
    const id = `${k.day}\u0000${k.metric}\u0000${k.dimension}`;
    const row = out.get(id);
    if (row) row.n++;
    else out.set(id, { ...k, n: 1 });
  }
  return [...out.values()];
}
