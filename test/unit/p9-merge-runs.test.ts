import { describe, expect, it } from 'vitest';
import { mergeRuns, type SizeFigures } from '../../bench/p9-runs.js';
import { P9_SIZES } from '../../bench/p9-seed.js';

const run = (p99: number, loopMax: number, extra: Partial<SizeFigures> = {}): SizeFigures => ({
  size: P9_SIZES.small!,
  seedMs: 1000,
  cached: true,
  verify: { ms: 100 * p99, entries: 7500 },
  readyMs: 100 * p99,
  rssStartMb: 150 + p99,
  rssAfterMb: 300,
  afterGc: { rssMb: 150 + p99, heapUsedMb: 50, heapTotalMb: 60, externalMb: 5 },
  calls: new Map([['inbox', { p50: p99 / 2, p99, n: 600 }]]),
  loop: { start: { maxMs: 10, p99Ms: 5 }, jobs: { ms: 2000, delay: { maxMs: loopMax, p99Ms: 10 } }, calls: new Map([['inbox', { maxMs: loopMax, p99Ms: 8 }]]) },
  runs: 1,
  ...extra,
});

describe('P9 runs merged (bench --runs N)', () => {
  it('reports the median of each run and the worst event-loop delay of any', () => {
    const m = mergeRuns([run(8, 20), run(4, 45), run(5, 30)]);
    expect(m.calls.get('inbox')).toEqual({ p50: 2.5, p99: 5, n: 1800, runP99s: [8, 4, 5] });
    expect([m.readyMs, m.rssStartMb, m.afterGc.rssMb, m.verify.ms, m.runs]).toEqual([500, 155, 155, 500, 3]);
    expect([m.loop.jobs.delay.maxMs, m.loop.calls.get('inbox')!.maxMs]).toEqual([45, 45]);
  });

  it('takes the mean of the middle two for an even count, and keeps a single run as it was', () => {
    const one = run(6, 10);
    expect(mergeRuns([one])).toBe(one);
    expect((mergeRuns([run(4, 10), run(10, 10)]).calls.get('inbox') as { p99: number }).p99).toBe(7);
  });

  it('counts a call that failed in any run as failed', () => {
    const failed = run(4, 10, { calls: new Map([['inbox', 'failed: HTTP 500']]) });
    expect(mergeRuns([run(4, 10), failed, run(5, 10)]).calls.get('inbox')).toBe('failed: HTTP 500');
  });
});
