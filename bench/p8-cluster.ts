import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_SERVICE_WIRED } from '../src/db/pg/pg-coverage.js';
import type { SentEntry } from '../src/sandbox/sim-types.js';
import { postgresMissing, type Backend } from '../reliability/cluster/cluster-db.js';
import { startCluster, type Cluster } from '../reliability/cluster/cluster-rig.js';
import { measureFailover, type FailoverFigures } from './p8-failover.js';
import { percentile, round, type BenchRow } from './row.js';

const RATE = 200;
/**
 * The inbound lease the cluster runs with: a dead instance's claims are taken over once it ends, by the
 * next takeover sweep (every half lease), so failover takes at most about 1.5 leases: 9 s.
 */
const LEASE_S = 6;
const FAILOVER_GOAL_MS = 10_000;

interface Setup {
  label: string;
  backend: Backend;
  instances: number;
}

const SETUPS: Setup[] = [
  { label: '1×SQLite', backend: 'sqlite', instances: 1 },
  { label: '1×PG', backend: 'postgres', instances: 1 },
  { label: '2×PG', backend: 'postgres', instances: 2 },
];

interface Figures {
  p50: number;
  p99: number;
  sustained: number;
  burst: number;
  failover?: FailoverFigures;
}

/**
 * P8 (issue 11 item 5): P1's scenario (`@bot ping` in a group → reply, real SDK and simulator) through
 * the service as processes (compiled, as `npm start` runs it): one on SQLite, one on PostgreSQL, two on
 * one PostgreSQL behind the simulator's random delivery, side by side. Burst throughput as a ratio to
 * 1×SQLite, p99 at 200 msg/s, and for 2×PG the failover lag (p8-failover.ts: `kill -9` of one
 * instance while it holds claims, until every message ACKed and unanswered at the kill is answered)
 * and ACKed messages lost. `quick` is a smoke run (seconds, not a measurement).
 */
export async function benchCluster(o: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const size = o.quick ? { seconds: 2, burst: 200, failoverS: 2 } : { seconds: 10, burst: 2000, failoverS: 5 };
  const blocked = !PG_SERVICE_WIRED ? 'the service is not wired onto PostgreSQL yet (PG_SERVICE_WIRED)' : postgresMissing();
  const results = new Map<string, Figures | string>();
  for (const s of SETUPS) {
    if (s.backend === 'postgres' && blocked) {
      results.set(s.label, `not run: ${blocked}`);
      continue;
    }
    process.stderr.write(`  P8 ${s.label}…\n`);
    results.set(s.label, await measure(s, size));
  }
  return rows(results);
}

async function measure(s: Setup, size: { seconds: number; burst: number; failoverS: number }): Promise<Figures> {
  const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-p8-'));
  const c = await startCluster({
    workDir,
    backend: s.backend,
    instances: s.instances,
    sim: { redeliveryDelayMs: 2_000, maxRedeliveries: 10_000 },
    env: { LOG_LEVEL: 'error', INBOUND_LEASE_SECONDS: String(LEASE_S) },
  });
  try {
    await paced(c, 100, 500); // warm-up: connections, tokens, first-seen lookups, JIT
    const steady = await paced(c, RATE * size.seconds, RATE);
    const burst = await paced(c, size.burst, Infinity);
    const failover = s.instances > 1 ? await measureFailover(c, size.failoverS, LEASE_S) : undefined;
    return { p50: steady.p50, p99: steady.p99, sustained: steady.rate, burst: burst.rate, ...(failover ? { failover } : {}) };
  } finally {
    await c.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Pushes `n` pings at `rate` (Infinity: all at once) and waits for their replies, matched by msgId. */
async function paced(c: Cluster, n: number, rate: number) {
  const group = c.demo.groups.aeHandover;
  const user = 'qmh-ho-wingyee';
  const sentAt = new Map<string, number>();
  const latency: number[] = [];
  let last = 0;
  const onSent = (e: SentEntry) => {
    const t = e.inReplyTo ? sentAt.get(e.inReplyTo) : undefined;
    if (t === undefined) return;
    sentAt.delete(e.inReplyTo!);
    last = performance.now();
    latency.push(last - t);
  };
  c.sim.events.on('sent', onSent);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(rate)) {
      const wait = t0 + (i * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    } else if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    const at = performance.now();
    sentAt.set(c.sim.say(group, user, '@ConsultBridge ping').msgId, at);
  }
  const deadline = performance.now() + 30_000;
  while (latency.length < n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  c.sim.events.off('sent', onSent);
  latency.sort((a, b) => a - b);
  return { p50: percentile(latency, 50), p99: percentile(latency, 99), rate: (latency.length * 1000) / ((last || performance.now()) - t0) };
}

function rows(results: Map<string, Figures | string>): BenchRow[] {
  const base = results.get('1×SQLite');
  const baseBurst = typeof base === 'object' ? base.burst : NaN;
  const out: BenchRow[] = [];
  for (const [label, f] of results) {
    if (typeof f === 'string') {
      out.push({ name: `P8 ${label}: ${f}`, value: NaN, unit: '' });
      continue;
    }
    const two = label === '2×PG';
    out.push(
      { name: `P8 ${label} reply latency p50 / p99 @${RATE} msg/s`, value: round(f.p99), unit: `ms p99 (p50 ${round(f.p50)})`, ...(two ? { goal: '≤ 50 ms', ok: f.p99 <= 50 } : {}) },
      { name: `P8 ${label} sustained @${RATE} msg/s offered`, value: round(f.sustained, 1), unit: 'msg/s', ...(two ? { goal: `≥ ${RATE} msg/s`, ok: f.sustained >= RATE * 0.98 } : {}) },
      { name: `P8 ${label} burst throughput`, value: round(f.burst, 0), unit: 'msg/s', baseline: round(baseBurst, 0), ratio: round(f.burst / baseBurst) },
    );
    if (f.failover) {
      out.push(
        { name: `P8 ${label} failover lag (kill -9 with ${f.failover.claimedByVictim} claims held → all ${f.failover.unansweredAtKill} ACKed-unanswered answered)`, value: round(f.failover.lagMs, 0), unit: 'ms', goal: `≤ ${FAILOVER_GOAL_MS} ms (lease ${LEASE_S} s)`, ok: f.failover.claimedByVictim > 0 && f.failover.lagMs <= FAILOVER_GOAL_MS },
        { name: `P8 ${label} ACKed messages lost across the kill`, value: f.failover.ackedLost, unit: 'messages', goal: '0', ok: f.failover.ackedLost === 0 },
      );
    }
  }
  return out;
}
