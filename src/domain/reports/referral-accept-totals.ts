import type { ReferralSeverity } from '../../contract/referrals.js';
import { hkDay, TOTALS, type TotalKey, type TotalRow } from './daily-totals.js';

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The resolution of a time to accept in the running totals: whole seconds under an hour, whole
 * minutes under a day, whole hours beyond (rounded down). Rounding down keeps the order of the
 * values, so a nearest-rank percentile of the bucketed values is exactly the bucketed percentile
 * of the raw ones.
 */
export function acceptBucketMs(ms: number): number {
  const unit = ms < HOUR ? SECOND : ms < 24 * HOUR ? MINUTE : HOUR;
  return Math.floor(ms / unit) * unit;
}

/**
 * An accepted referral's running total: on the Hong Kong day it was sent (the card counts referrals
 * sent in the period that were accepted), by `severity/specialty/bucketed ms` from sent to accepted.
 */
export const referralAcceptTotal = (r: { severity: ReferralSeverity; specialty: string; sentAt: number }, acceptedAt: number): TotalKey => ({
  day: hkDay(r.sentAt),
  metric: TOTALS.referralAccepted,
  dimension: `${r.severity}/${r.specialty}/${acceptBucketMs(acceptedAt - r.sentAt)}`,
});

export interface AcceptFigure {
  severity: ReferralSeverity;
  specialty: string;
  accepted: number;
  medianMs: number;
  p90Ms: number;
}

/** Nearest-rank percentile over a histogram sorted by value. */
function fromHistogram(sorted: readonly (readonly [number, number])[], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [value, n] of sorted) if ((seen += n) >= rank) return value;
  return sorted.at(-1)![0];
}

const SEVERITY_ORDER: ReferralSeverity[] = ['emergency', 'urgent', 'routine'];

/** Pure: median and p90 time to accept per severity × specialty from referral_accepted rows, ordered by severity then specialty. */
export function acceptFiguresFromTotals(rows: readonly TotalRow[]): AcceptFigure[] {
  const groups = new Map<string, { severity: ReferralSeverity; specialty: string; hist: Map<number, number> }>();
  for (const r of rows) {
    if (r.metric !== TOTALS.referralAccepted) continue;
    const first = r.dimension.indexOf('/');
    const last = r.dimension.lastIndexOf('/');
    const severity = r.dimension.slice(0, first) as ReferralSeverity;
    const specialty = r.dimension.slice(first + 1, last);
    const ms = Number(r.dimension.slice(last + 1));
    const key = `${severity}\0${specialty}`;
    const g = groups.get(key) ?? groups.set(key, { severity, specialty, hist: new Map() }).get(key)!;
    g.hist.set(ms, (g.hist.get(ms) ?? 0) + r.n);
  }
  return [...groups.values()]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.specialty < b.specialty ? -1 : a.specialty > b.specialty ? 1 : 0))
    .map(({ severity, specialty, hist }) => {
      const sorted = [...hist].sort((a, b) => a[0] - b[0]);
      const accepted = sorted.reduce((a, [, n]) => a + n, 0);
      return { severity, specialty, accepted, medianMs: fromHistogram(sorted, accepted, 50), p90Ms: fromHistogram(sorted, accepted, 90) };
    });
}
