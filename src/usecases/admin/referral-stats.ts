import type { ReferralSeverity } from '../../contract/referrals.js';
import type { AcceptTiming, ReferralRepository } from '../../domain/referrals/referral-repository.js';
import type { Clock } from '../../shared/clock.js';

export interface AcceptFigure {
  severity: ReferralSeverity;
  specialty: string;
  accepted: number;
  medianMs: number;
  p90Ms: number;
}

export interface ReferralStats {
  days: number;
  /** Time from sent to accepted, per severity × specialty, of referrals sent in the period. */
  timeToAccept: AcceptFigure[];
  /** Open referrals (sent, seen, escalated) per assignee now, most loaded first. */
  openLoad: { clinicianId: string; open: number }[];
}

/** Nearest-rank percentile of sorted values. */
const rank = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Pure: median and p90 time to accept per severity × specialty, ordered by severity then specialty. */
export function acceptFigures(rows: readonly AcceptTiming[]): AcceptFigure[] {
  const groups = new Map<string, { severity: ReferralSeverity; specialty: string; ms: number[] }>();
  for (const r of rows) {
    const key = `${r.severity}\0${r.specialty}`;
    const g = groups.get(key) ?? { severity: r.severity, specialty: r.specialty, ms: [] };
    g.ms.push(r.acceptedAt - r.sentAt);
    groups.set(key, g);
  }
  const order: ReferralSeverity[] = ['emergency', 'urgent', 'routine'];
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || (a.specialty < b.specialty ? -1 : 1))
    .map((g) => {
      const ms = g.ms.sort((a, b) => a - b);
      return { severity: g.severity, specialty: g.specialty, accepted: ms.length, medianMs: rank(ms, 50), p90Ms: rank(ms, 90) };
    });
}

/**
 * The dashboard's referral figures (issue 14 item 2), apart from the dashboard's own totals: two
 * indexed queries (accepted referrals by status and sent time; open referrals by assignee and status).
 */
export async function referralStats(deps: { repo: Pick<ReferralRepository, 'acceptTimings' | 'openLoad'>; clock: Clock }, days: 7 | 30): Promise<ReferralStats> {
  const since = deps.clock.now() - days * 86_400_000;
  const [timings, load] = await Promise.all([deps.repo.acceptTimings(since), deps.repo.openLoad()]);
  return { days, timeToAccept: acceptFigures(timings), openLoad: load.map((l) => ({ clinicianId: l.assigneeId, open: l.open })) };
}
