import type { Clock } from '../../shared/clock.js';
import type { ApprovalRepository } from '../approvals/approval-repository.js';
import type { AuditReadRepository } from '../audit/audit-reader.js';
import type { DocumentRepository } from '../sharing/document-repository.js';
import type { AlertStatsRepository } from './alert-stats-repository.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Hong Kong has no daylight saving: its days start at 16:00 UTC. */
const HK_OFFSET_MS = 8 * 3_600_000;
export const ALERT_OPEN_TARGET_MS = 5 * MINUTE_MS;

export interface DashboardDeps {
  documents: Pick<DocumentRepository, 'firstViewsOfShared'>;
  approvals: Pick<ApprovalRepository, 'decidedBetween'>;
  alerts: AlertStatsRepository;
  auditEntries: Pick<AuditReadRepository, 'dailyCounts'>;
  clock: Clock;
}

/** Nearest-rank percentile of minutes, one decimal; null for no data. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1]! * 10) / 10;
}

const hkDay = (ms: number): number => Math.floor((ms + HK_OFFSET_MS) / DAY_MS);
const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface DayBucket {
  shareMinutes: number[];
  sharedUnviewed: number;
  approvalMinutes: number[];
  alertsTotal: number;
  alertsFast: number;
  denials: Record<string, number>;
  escalations: number;
}

function summarise(b: DayBucket) {
  const denialTotal = Object.values(b.denials).reduce((a, n) => a + n, 0);
  return {
    shareToFirstView: {
      shared: b.shareMinutes.length + b.sharedUnviewed,
      viewed: b.shareMinutes.length,
      medianMinutes: percentile(b.shareMinutes, 50),
      p90Minutes: percentile(b.shareMinutes, 90),
    },
    approvalTurnaround: { decided: b.approvalMinutes.length, medianMinutes: percentile(b.approvalMinutes, 50) },
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
      const to = now + 1;
      const empty = (): DayBucket => ({ shareMinutes: [], sharedUnviewed: 0, approvalMinutes: [], alertsTotal: 0, alertsFast: 0, denials: {}, escalations: 0 });
      const buckets = new Map<number, DayBucket>();
      for (let d = firstDay; d <= lastDay; d++) buckets.set(d, empty());
      const all = empty();
      const at = (ms: number) => buckets.get(hkDay(ms));

      for (const s of await deps.documents.firstViewsOfShared(from, to)) {
        const b = at(s.sharedAt);
        for (const x of b ? [b, all] : [all]) {
          if (s.firstViewAt === null) x.sharedUnviewed++;
          else x.shareMinutes.push((s.firstViewAt - s.sharedAt) / MINUTE_MS);
        }
      }
      for (const r of await deps.approvals.decidedBetween(from, to)) {
        const minutes = (r.decidedAt! - r.createdAt) / MINUTE_MS;
        for (const x of [at(r.decidedAt!), all]) x?.approvalMinutes.push(minutes);
      }
      for (const a of await deps.alerts.alertRecipientsBetween(from, to)) {
        const fast = a.stopReason === 'opened' && a.stoppedAt !== null && a.stoppedAt - a.createdAt <= ALERT_OPEN_TARGET_MS;
        for (const x of [at(a.createdAt), all]) {
          if (!x) continue;
          x.alertsTotal++;
          if (fast) x.alertsFast++;
        }
      }
      const counts = (actionLike: string, byReason: boolean) =>
        deps.auditEntries.dailyCounts({ actionLike, from, to, dayOffsetMs: HK_OFFSET_MS, byReason, outcome: byReason ? 'denied' : undefined });
      for (const c of await counts('access.decision', true)) {
        const reason = c.reason ?? 'unknown';
        for (const x of [buckets.get(c.day), all]) if (x) x.denials[reason] = (x.denials[reason] ?? 0) + c.n;
      }
      for (const c of await counts('escalation.%', false)) {
        for (const x of [buckets.get(c.day), all]) if (x) x.escalations += c.n;
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
