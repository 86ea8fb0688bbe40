import { describe, expect, it } from 'vitest';
import { tally } from '../../../src/domain/reports/daily-totals.js';
import { acceptBucketMs, acceptFiguresFromTotals, referralAcceptTotal } from '../../../src/domain/reports/referral-accept-totals.js';

const SEC = 1000;
const MIN = 60_000;
const HOUR = 3_600_000;
type Severity = 'emergency' | 'urgent' | 'routine';
const t = (severity: Severity, specialty: string, ms: number) => referralAcceptTotal({ severity, specialty, sentAt: 1000 }, 1000 + ms);

describe('time to accept on the dashboard, from running totals', () => {
  it('gives median and p90 (nearest rank) per severity × specialty, emergencies first', () => {
    const keys = [...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => t('urgent', 'cardiology', m * MIN)), t('emergency', 'neurology', 4 * MIN), t('urgent', 'a-first', 40 * MIN)];
    expect(acceptFiguresFromTotals(tally(keys))).toEqual([
      { severity: 'emergency', specialty: 'neurology', accepted: 1, medianMs: 4 * MIN, p90Ms: 4 * MIN },
      { severity: 'urgent', specialty: 'a-first', accepted: 1, medianMs: 40 * MIN, p90Ms: 40 * MIN },
      { severity: 'urgent', specialty: 'cardiology', accepted: 10, medianMs: 5 * MIN, p90Ms: 9 * MIN },
    ]);
    expect(acceptFiguresFromTotals([])).toEqual([]);
  });

  it('keeps whole seconds under an hour, whole minutes under a day, whole hours beyond (rounded down)', () => {
    expect([999, 59 * MIN + 59_999, HOUR, HOUR + 59_999, 24 * HOUR - 1, 24 * HOUR + 59 * MIN].map(acceptBucketMs)).toEqual([0, 59 * MIN + 59 * SEC, HOUR, HOUR, 23 * HOUR + 59 * MIN, 24 * HOUR]);
  });

  it('a specialty with a slash in its code still reads back whole', () => {
    expect(acceptFiguresFromTotals(tally([t('routine', 'ortho/spine', 90 * SEC + 400)]))).toEqual([{ severity: 'routine', specialty: 'ortho/spine', accepted: 1, medianMs: 90 * SEC, p90Ms: 90 * SEC }]);
  });

  it('equals the nearest-rank percentile of the raw times, rounded down to the resolution', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const raw = Array.from({ length: 301 }, () => Math.floor(rnd() ** 3 * 3 * 24 * HOUR));
    const sorted = [...raw].sort((a, b) => a - b);
    const rank = (p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
    const [fig] = acceptFiguresFromTotals(tally(raw.map((ms) => t('urgent', 'cardiology', ms))));
    expect(fig).toEqual({ severity: 'urgent', specialty: 'cardiology', accepted: 301, medianMs: acceptBucketMs(rank(50)), p90Ms: acceptBucketMs(rank(90)) });
  });
});
