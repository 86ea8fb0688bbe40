import type { LoopDelay } from './p9-loop.js';
import type { Memory } from './p9-memory.js';
import type { P9Size } from './p9-seed.js';

/** One call's timings at one size: p50/p99 over its rounds, or (several runs) the median of each run's. */
export interface CallFigures {
  p50: number;
  p99: number;
  n: number;
  /** Each run's p99, when the size was measured more than once. */
  runP99s?: number[];
}

/** Everything P9 measures at one size, in one run (or the runs merged by mergeRuns). */
export interface SizeFigures {
  size: P9Size;
  seedMs: number;
  cached: boolean;
  verify: { ms: number; entries: number };
  readyMs: number;
  rssStartMb: number;
  /** RSS after the calls as read: with whatever garbage V8 has not collected yet. */
  rssAfterMb: number;
  /** After the calls and a full collection: what the service holds. */
  afterGc: Memory;
  calls: Map<string, CallFigures | string>;
  /** Event-loop delay in the service: from spawn to ready (start-up), while the backfills after ready ran, and while each call's rounds ran. */
  loop: { start: LoopDelay; jobs: { ms: number; delay: LoopDelay }; calls: Map<string, LoopDelay> };
  /** How many runs were merged. */
  runs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const worst = (ds: LoopDelay[]): LoopDelay => ({ maxMs: Math.max(...ds.map((d) => d.maxMs)), p99Ms: Math.max(...ds.map((d) => d.p99Ms)) });

/**
 * Several runs of one size as one: the median of each timing and memory reading (one run's p99 swings up
 * to 2× on a 2-core machine between runs of the same code), the worst event-loop delay of any run (the
 * 50 ms goal is a ceiling), and a call that failed in any run as failed.
 */
export function mergeRuns(runs: SizeFigures[]): SizeFigures {
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const calls = new Map<string, CallFigures | string>();
  for (const name of first.calls.keys()) {
    const each = runs.map((r) => r.calls.get(name) ?? 'failed: not measured in every run');
    const failed = each.find((f): f is string => typeof f === 'string');
    const ok = each.filter((f): f is CallFigures => typeof f !== 'string');
    calls.set(name, failed ?? { p50: median(ok.map((f) => f.p50)), p99: median(ok.map((f) => f.p99)), n: ok.reduce((s, f) => s + f.n, 0), runP99s: ok.map((f) => f.p99) });
  }
  const loopCalls = new Map<string, LoopDelay>();
  for (const name of first.loop.calls.keys()) loopCalls.set(name, worst(runs.map((r) => r.loop.calls.get(name) ?? { maxMs: NaN, p99Ms: NaN })));
  const jobs = runs.reduce((a, r) => (r.loop.jobs.delay.maxMs > a.loop.jobs.delay.maxMs ? r : a), first).loop.jobs;
  const mid = (f: (r: SizeFigures) => number) => median(runs.map(f));
  return {
    size: first.size,
    seedMs: first.seedMs,
    cached: first.cached,
    verify: { ms: mid((r) => r.verify.ms), entries: first.verify.entries },
    readyMs: mid((r) => r.readyMs),
    rssStartMb: mid((r) => r.rssStartMb),
    rssAfterMb: mid((r) => r.rssAfterMb),
    afterGc: { rssMb: mid((r) => r.afterGc.rssMb), heapUsedMb: mid((r) => r.afterGc.heapUsedMb), heapTotalMb: mid((r) => r.afterGc.heapTotalMb), externalMb: mid((r) => r.afterGc.externalMb) },
    calls,
    loop: { start: worst(runs.map((r) => r.loop.start)), jobs, calls: loopCalls },
    runs: runs.length,
  };
}
