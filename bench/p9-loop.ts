/**
 * The service's event-loop delay, read from its own /metrics: prom-client's default process metrics
 * run perf_hooks.monitorEventLoopDelay in the service process and reset its histogram at every scrape,
 * so each read covers the time since the one before (issue 15: no request may hold the loop > 50 ms).
 */
export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
}

/** Goal (issue 15 item 3): the longest the event loop may be held while requests are served. */
export const LOOP_GOAL_MS = 50;

/** A sample's value in Prometheus text (the first series of that name), or NaN. */
export const metricValue = (text: string, name: string): number => {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
};
const sample = (text: string, name: string): number => metricValue(text, name) * 1000;

export async function scrape(base: string): Promise<string> {
  const token = process.env.METRICS_TOKEN;
  const res = await fetch(`${base}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const text = await res.text();
  if (res.status !== 200) throw new Error(`P9: /metrics answered ${res.status}`);
  return text;
}

const delayOf = (text: string): LoopDelay => ({ maxMs: sample(text, 'nodejs_eventloop_lag_max_seconds'), p99Ms: sample(text, 'nodejs_eventloop_lag_p99_seconds') });

/** Reads (and so resets) the event-loop delay since the last read. */
export async function readLoopDelay(base: string): Promise<LoopDelay> {
  return delayOf(await scrape(base));
}

/**
 * Waits for the one-off backfills after ready to run out (`consultbridge_background_jobs_running` 0;
 * a cached seed starts them afresh on every run, a deployment once after an upgrade), reading the
 * event-loop delay meanwhile: how long they ran and the worst the loop was held while they did.
 */
export async function untilJobsDone(base: string, limitMs = 30 * 60_000): Promise<{ ms: number; delay: LoopDelay }> {
  const t0 = performance.now();
  const worst: LoopDelay = { maxMs: 0, p99Ms: 0 };
  for (;;) {
    const text = await scrape(base);
    const d = delayOf(text);
    worst.maxMs = Math.max(worst.maxMs, d.maxMs);
    worst.p99Ms = Math.max(worst.p99Ms, d.p99Ms);
    if (sample(text, 'consultbridge_background_jobs_running') === 0) return { ms: performance.now() - t0, delay: worst };
    if (performance.now() - t0 > limitMs) throw new Error('P9: the backfills after ready did not run out in 30 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The worst of several reads: the largest max, the largest p99, and which read had the largest max. */
export function worstDelay(reads: ReadonlyMap<string, LoopDelay>): LoopDelay & { where: string } {
  let worst = { maxMs: NaN, p99Ms: NaN, where: '' };
  for (const [where, d] of reads) {
    if (!(d.maxMs <= worst.maxMs)) worst = { ...worst, maxMs: d.maxMs, where };
    if (!(d.p99Ms <= worst.p99Ms)) worst.p99Ms = d.p99Ms;
  }
  return worst;
}
