import type { Clock } from '../../shared/clock.js';
import { HK_OFFSET_MS, hkDay, TOTALS } from './daily-totals.js';
import type { DailyTotalsRepository } from './daily-totals-repository.js';

const DAY_MS = 86_400_000;
export { ALERT_OPEN_TARGET_MS } from './daily-totals.js';

export interface DashboardDeps {
  /** Running totals per Hong Kong day (shares and first views, approvals, alerts, denials, escalations): a few rows a day, never the events. */
  totals: Pick<DailyTotalsRepository, 'between'>;
  clock: Clock;
}

/** Nearest-rank percentile of minutes, one decimal; null for no data. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1]! * 10) / 10;
}

/** Nearest-rank percentile over a histogram of minutes (value → count), as `percentile` over the values. */
function histogramPercentile(hist: Map<number, number>, p: number): number | null {
  const total = [...hist.values()].reduce((a, n) => a + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [value, n] of [...hist].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= rank) return Math.round(value * 10) / 10;
  }
  return null;
}
const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface DayBucket {
  /** Minutes from share to first view (tenths) → how many reports. */
  shareMinutes: Map<number, number>;
  shared: number;
  /** Minutes from request to decision (tenths) → how many requests. */
  approvalMinutes: Map<number, number>;
  alertsTotal: number;
  alertsFast: number;
  denials: Record<string, number>;
  escalations: number;
}

function summarise(b: DayBucket) {
  const denialTotal = Object.values(b.denials).reduce((a, n) => a + n, 0);
  return {
    shareToFirstView: {
      shared: b.shared,
      viewed: [...b.shareMinutes.values()].reduce((a, n) => a + n, 0),
      medianMinutes: histogramPercentile(b.shareMinutes, 50),
      p90Minutes: histogramPercentile(b.shareMinutes, 90),
    },
    approvalTurnaround: { decided: [...b.approvalMinutes.values()].reduce((a, n) => a + n, 0), medianMinutes: histogramPercentile(b.approvalMinutes, 50) },
    alerts: { total: b.alertsTotal, openedWithin5m: b.alertsFast, ratio: b.alertsTotal ? Math.round((b.alertsFast / b.alertsTotal) * 1000) / 1000 : 0 },
    denials: { total: denialTotal, byReason: b.denials },
    escalations: b.escalations,
  };
}

export type DashboardFigures = ReturnType<typeof summarise>;

/**
 * Figures for the admin dashboard over the last `days` Hong Kong days (today included), one entry
 * per day for charts plus the whole period. Days without data are present with zeros and nulls, so
 * a chart's x-axis never has gaps. Read-only.
 */
export function createDashboard(deps: DashboardDeps) {
  return {
    async build(days: 7 | 30) {
      const now = deps.clock.now();
      const lastDay = hkDay(now);
      const firstDay = lastDay - days + 1;
      const from = firstDay * DAY_MS - HK_OFFSET_MS;
      const empty = (): DayBucket => ({ shareMinutes: new Map(), shared: 0, approvalMinutes: new Map(), alertsTotal: 0, alertsFast: 0, denials: {}, escalations: 0 });
      const buckets = new Map<number, DayBucket>();
      for (let d = firstDay; d <= lastDay; d++) buckets.set(d, empty());
      const all = empty();
      const add = (hist: Map<number, number>, tenths: string, n: number) => hist.set(Number(tenths) / 10, (hist.get(Number(tenths) / 10) ?? 0) + n);
      // The referral card reads its own metric (referral-stats.ts).
      const metrics = Object.values(TOTALS).filter((m) => m !== TOTALS.referralAccepted);
      for (const t of await deps.totals.between(firstDay, lastDay, metrics)) {
        for (const x of [buckets.get(t.day), all]) {
          if (!x) continue;
          if (t.metric === TOTALS.reportShared) x.shared += t.n;
          else if (t.metric === TOTALS.reportFirstView) add(x.shareMinutes, t.dimension, t.n);
          else if (t.metric === TOTALS.approvalDecided) add(x.approvalMinutes, t.dimension, t.n);
          else if (t.metric === TOTALS.alertRaised) x.alertsTotal += t.n;
          else if (t.metric === TOTALS.alertOpenedFast) x.alertsFast += t.n;
          else if (t.metric === TOTALS.denial) x.denials[t.dimension] = (x.denials[t.dimension] ?? 0) + t.n;
          else if (t.metric === TOTALS.escalation) x.escalations += t.n;
        }
      }

      return {
        days,
        from: new Date(from).toISOString(),
        to: new Date(now).toISOString(),
        timeZone: 'Asia/Hong_Kong',
        series: [...buckets].map(([day, b]) => ({ date: dayLabel(day), ...summarise(b) })),
        totals: summarise(all),
      };
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
