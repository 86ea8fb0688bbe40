import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_SERVICE_WIRED } from '../src/db/pg/pg-coverage.js';
import { DeliveryTally } from '../src/sandbox/sim-tally.js';
import type { SentEntry } from '../src/sandbox/sim-types.js';
import { postgresMissing, type Backend } from '../reliability/cluster/cluster-db.js';
import { startCluster, type Cluster } from '../reliability/cluster/cluster-rig.js';
import { settle, WORK_LEFT_SQL } from '../reliability/robot-load.js';
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
  failover?: { lagMs: number; claimed: number; ackedLost: number };
}

/**
 * P8 (issue 11 item 5): P1's scenario (`@bot ping` in a group → reply, real SDK and simulator) through
 * the service as processes (compiled, as `npm start` runs it): one on SQLite, one on PostgreSQL, two on
 * one PostgreSQL behind the simulator's random delivery, side by side. Burst throughput as a ratio to
 * 1×SQLite, p99 at 200 msg/s, and for 2×PG the failover lag: from `kill -9` of one instance until the
 * last message ACKed but not yet answered at the kill is answered (its claims, taken over after the
 * lease), and ACKed messages lost. `quick` is a smoke run (seconds, not a measurement).
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
    const failover = s.instances > 1 ? await killOne(c, size.failoverS) : undefined;
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

/**
 * 50 msg/s for `seconds`, `kill -9` of instance a halfway: the lag is how long after the kill the last
 * message that was ACKed but unanswered at the kill got its answer (a's claims wait out the lease).
 */
async function killOne(c: Cluster, seconds: number): Promise<{ lagMs: number; claimed: number; ackedLost: number }> {
  const group = c.demo.groups.aeHandover;
  const tally = new DeliveryTally(c.sim.events);
  const answeredAt = new Map<string, number>();
  const onSent = (e: SentEntry) => void (e.inReplyTo && !answeredAt.has(e.inReplyTo) && answeredAt.set(e.inReplyTo, Date.now()));
  c.sim.events.on('sent', onSent);
  const acked = new Set<string>();
  const msgOf = new Map<string, string>();
  const onAck = (a: { messageId: string; code: number }) => void (a.code === 200 && msgOf.has(a.messageId) && acked.add(msgOf.get(a.messageId)!));
  c.sim.events.on('ack', onAck);
  let killAt = 0;
  let atKill: string[] = [];
  try {
    const total = seconds * 50;
    for (let i = 0; i < total; i++) {
      if (i === Math.floor(total / 2)) {
        killAt = Date.now();
        atKill = [...acked].filter((m) => !answeredAt.has(m));
        await c.kill9('a');
      }
      while (c.sim.stats.connections === 0) await new Promise((r) => setTimeout(r, 10));
      const p = c.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping');
      msgOf.set(p.frameMessageId, p.msgId);
      tally.pushed(p.msgId, p.frameMessageId);
      await new Promise((r) => setTimeout(r, 20));
    }
    await settle(c.sim, tally, async () => ({
      processing: Number((await c.db.query<{ n: number }>(WORK_LEFT_SQL.processing))[0]?.n ?? 0),
      pending: Number((await c.db.query<{ n: number }>(WORK_LEFT_SQL.pending))[0]?.n ?? 0),
    }), (LEASE_S + 30) * 1000);
  } finally {
    c.sim.events.off('sent', onSent);
    c.sim.events.off('ack', onAck);
  }
  const lags = atKill.map((m) => (answeredAt.get(m) ?? Infinity) - killAt);
  return { lagMs: lags.length ? Math.max(...lags) : 0, claimed: atKill.length, ackedLost: tally.summary().ackedLost };
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
        { name: `P8 ${label} failover lag (kill -9 → its ${f.failover.claimed} claimed messages answered)`, value: round(f.failover.lagMs, 0), unit: 'ms', goal: `≤ ${FAILOVER_GOAL_MS} ms (lease ${LEASE_S} s)`, ok: f.failover.lagMs <= FAILOVER_GOAL_MS },
        { name: `P8 ${label} ACKed messages lost across the kill`, value: f.failover.ackedLost, unit: 'messages', goal: '0', ok: f.failover.ackedLost === 0 },
      );
    }
  }
  return out;
}
