import type { ReferralRepository } from '../../domain/referrals/referral-repository.js';
import type { DailyTotalsRepository } from '../../domain/reports/daily-totals-repository.js';
import { hkDay, TOTALS } from '../../domain/reports/daily-totals.js';
import { acceptFiguresFromTotals, type AcceptFigure } from '../../domain/reports/referral-accept-totals.js';
import type { Clock } from '../../shared/clock.js';

export type { AcceptFigure } from '../../domain/reports/referral-accept-totals.js';

export interface ReferralStats {
  days: number;
  /**
   * Time from sent to accepted, per severity × specialty, of referrals sent in the last `days` Hong
   * Kong days (today included, as the dashboard's figures) that were accepted. Resolution: whole
   * seconds under an hour, minutes under a day, hours beyond (acceptBucketMs).
   */
  timeToAccept: AcceptFigure[];
  /** Open referrals (sent, seen, escalated) per assignee now, most loaded first. */
  openLoad: { clinicianId: string; open: number }[];
}

/**
 * The dashboard's referral figures (issue 14 item 2; issue 15 item 3): time to accept from the running
 * totals (daily_totals, an indexed range over the period's days, never the referrals), and the open
 * load (an indexed count of what is open now).
 */
export async function referralStats(
  deps: { repo: Pick<ReferralRepository, 'openLoad'>; totals: Pick<DailyTotalsRepository, 'between'>; clock: Clock },
  days: 7 | 30,
): Promise<ReferralStats> {
  const lastDay = hkDay(deps.clock.now());
  const [rows, load] = await Promise.all([deps.totals.between(lastDay - days + 1, lastDay, [TOTALS.referralAccepted]), deps.repo.openLoad()]);
  return { days, timeToAccept: acceptFiguresFromTotals(rows), openLoad: load.map((l) => ({ clinicianId: l.assigneeId, open: l.open })) };
}
