import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresMissing, type Backend } from '../reliability/cluster/cluster-db.js';
import { externalSimulator, freePort, scriptArgs } from './p7-startup.js';
import { p9Calls, p9Users, type P9Call } from './p9-calls.js';
import { P9_SIZES, type P9Size } from './p9-seed.js';
import { callersFor, worldFor } from './p9-world.js';
import { percentile, round, type BenchRow } from './row.js';
import { collectGarbage, memoryNow, rssMb } from './p9-memory.js';
import { LOOP_GOAL_MS, readLoopDelay, untilJobsDone, worstDelay, type LoopDelay } from './p9-loop.js';
import { mergeRuns, type CallFigures, type SizeFigures } from './p9-runs.js';

const ROUNDS = 3;
/** What node prints about the inspector on stderr (the service's own warnings and errors pass through). */
const INSPECTOR_NOTICE = /^(Debugger (listening|attached|ending)|For help, see)/;
const CALLS = 200;
/** A round stops early after this long (a loaded machine, a slow call at the largest size): "up to" 200 calls. */
const ROUND_MS = 20_000;
/** Goals (issue 15): largest / smallest. */
const GOAL = { p99: 2, ready: 1.5, rss: 1.2 };

/**
 * P9 (issue 15): the service at growing hospital sizes, seeded through the repositories (p9-seed.ts),
 * measured over HTTP as the compiled service runs (`npm run build` first). `--sizes small,medium,large`
 * (default small,medium; `--quick`: small, fewer calls), `--db sqlite|pg` and `--runs N` (default 1:
 * every size measured N times, the sizes taking turns, and the medians reported; mergeRuns).
 */
export async function benchGrowth(o: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const arg = (name: string) => process.argv.find((a, i) => process.argv[i - 1] === name || a.startsWith(`${name}=`))?.replace(`${name}=`, '');
  const sizes = o.quick ? ['small'] : (arg('--sizes') ?? 'small,medium').split(',');
  const backend: Backend = arg('--db') === 'pg' ? 'postgres' : 'sqlite';
  if (backend === 'postgres' && postgresMissing()) return [{ name: `P9 not run on PostgreSQL: ${postgresMissing()}`, value: NaN, unit: '' }];
  const runs = Math.max(1, Number(arg('--runs') ?? 1) || 1);
  const measured: SizeFigures[][] = sizes.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, name] of sizes.entries()) {
      const size = P9_SIZES[name];
      if (!size) throw new Error(`P9: unknown size ${name} (${Object.keys(P9_SIZES).join(', ')})`);
      if (runs > 1) process.stderr.write(`  P9 run ${run + 1} of ${runs}\n`);
      measured[i]!.push(await measureSize(backend, size, o.quick ? 30 : CALLS, arg('--only')));
    }
  }
  return rows(backend, measured.map(mergeRuns));
}

/** `only`: measure just the calls whose name contains it (`--only inbox`), to look into one. */
async function measureSize(backend: Backend, size: P9Size, calls: number, only?: string): Promise<SizeFigures> {
  const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-p9-'));
  const log = (l: string) => process.stderr.write(`${l}\n`);
  log(`  P9 ${backend} ${size.name}: seeding (or the cached seed)…`);
  const world = await worldFor(backend, size, workDir, log);
  try {
    const verify = auditVerify(world.env);
    const users = await callersFor(world.env, p9Users(size));
    const port = await freePort();
    // As deployed: connected to "DingTalk" (a simulator in another process), no simulators inside.
    const sim = await externalSimulator();
    const env = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...sim.env, ...world.env };
    const t0 = performance.now();
    // The inspector (loopback only) is how P9 asks for a full collection after the calls (p9-memory.ts).
    const inspectPort = await freePort();
    const child = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectPort}`, ...scriptArgs('start')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    createInterface({ input: child.stderr! }).on('line', (l) => INSPECTOR_NOTICE.test(l) || log(l));
    try {
      const base = `http://127.0.0.1:${port}`;
      let exited = false;
      child.once('exit', () => (exited = true));
      const readyMs = await untilReady(base, t0, () => exited);
      log(`    ready in ${round(readyMs, 0)} ms; audit verify ${verify.entries} entries in ${round(verify.ms, 0)} ms`);
      const rssStartMb = rssMb(child.pid!);
      const start = await readLoopDelay(base);
      // The calls are timed once the backfills after ready have run out (a cached seed starts them on every run).
      const jobs = await untilJobsDone(base);
      log(`    backfills after ready ran ${round(jobs.ms / 1000, 1)} s; event loop held max ${round(jobs.delay.maxMs, 1)} ms meanwhile`);
      const out = new Map<string, CallFigures | string>();
      const loops = new Map<string, LoopDelay>();
      for (const call of p9Calls(size, users, Date.now()).filter((c) => !only || c.name.includes(only))) {
        // The delay is read over the measured rounds only (the warm-up's first-call compilation is left out).
        const f = await timeCall(base, call, users, calls, () => readLoopDelay(base));
        out.set(call.name, f);
        const d = await readLoopDelay(base);
        loops.set(call.name, d);
        log(`    ${call.name}: ${typeof f === 'string' ? f : `p50 ${round(f.p50, 1)} / p99 ${round(f.p99, 1)} ms`}; event loop held max ${round(d.maxMs, 1)} / p99 ${round(d.p99Ms, 1)} ms`);
      }
      const rssAfterMb = rssMb(child.pid!);
      // What the service holds after the calls, not what V8 has yet to collect: a full collection first.
      await collectGarbage(inspectPort);
      const afterGc = await memoryNow(base, child.pid!);
      log(`    RSS after the calls ${round(rssAfterMb, 0)} MB; after a full collection ${round(afterGc.rssMb, 0)} MB (V8 heap in use ${round(afterGc.heapUsedMb, 0)} MB)`);
      return { size, seedMs: world.seedMs, cached: world.cached, verify, readyMs, rssStartMb, rssAfterMb, afterGc, calls: out, loop: { start, jobs, calls: loops }, runs: 1 };
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      sim.stop();
    }
  } finally {
    await world.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** `npm run audit -- verify` as the compiled CLI: wall time and entries verified. */
function auditVerify(env: Record<string, string>): { ms: number; entries: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['dist/src/cli/audit.js', 'verify'], { env: { ...process.env, DINGTALK_CLIENT_ID: '', ...env }, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`audit verify failed: ${r.stderr || r.stdout}`);
  return { ms, entries: (JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { size: number }).size };
}

async function untilReady(base: string, t0: number, exited: () => boolean): Promise<number> {
  while (performance.now() - t0 < 600_000) {
    if (exited()) throw new Error('P9: the service stopped before it was ready');
    if (await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('P9: the service was not ready in 10 minutes');
}

/** ROUNDS rounds of up to `n` sequential calls (ROUND_MS each at most) after a short warm-up; p50/p99 over all of them, or the failure. */
async function timeCall(base: string, call: P9Call, users: Record<string, { app: string; admin: string }>, n: number, afterWarmUp: () => Promise<unknown>): Promise<CallFigures | string> {
  const headers: Record<string, string> = { authorization: `Bearer ${users[call.as]![call.token]}` };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const once = async () => {
    const t = performance.now();
    const res = await fetch(`${base}${call.path}`, { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
    await res.arrayBuffer();
    if (res.status >= 300) throw new Error(`${res.status}`);
    return performance.now() - t;
  };
  try {
    for (let i = 0; i < 5; i++) await once();
    await afterWarmUp();
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const until = performance.now() + ROUND_MS;
      for (let i = 0; i < n && performance.now() < until; i++) times.push(await once());
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
  } catch (e) {
    return `failed: HTTP ${(e as Error).message}`;
  }
}

function rows(backend: Backend, results: SizeFigures[]): BenchRow[] {
  const db = backend === 'sqlite' ? 'SQLite' : 'PG';
  const out: BenchRow[] = [];
  const first = results[0]!;
  const last = results.at(-1)!;
  const ratio = (a: number, b: number) => (results.length > 1 ? round(b / a, 2) : undefined);
  for (const name of first.calls.keys()) {
    for (const r of results) {
      const f = r.calls.get(name)!;
      const base = first.calls.get(name)!;
      const rat = typeof f === 'string' || typeof base === 'string' || r === first ? undefined : ratio(base.p99, f.p99);
      if (typeof f === 'string') out.push({ name: `P9 ${db} ${r.size.name}: ${name} (${f})`, value: NaN, unit: 'ms' });
      else out.push({ name: `P9 ${db} ${r.size.name}: ${name}, p99${runsNote(f)} (p50 ${round(f.p50, 1)}, ${f.n} calls)`, value: round(f.p99, 1), unit: 'ms', ...(rat !== undefined && r === last ? { ratio: rat, goal: `p99 ≤ ${GOAL.p99}× ${first.size.name}`, ok: rat <= GOAL.p99 } : rat !== undefined ? { ratio: rat } : {}) });
    }
  }
  for (const r of results) {
    const vs = r !== first;
    const rr = ratio(first.readyMs, r.readyMs);
    out.push({ name: `P9 ${db} ${r.size.name}: time to ready (spawn → /readyz)`, value: round(r.readyMs, 0), unit: 'ms', ...(vs && rr ? { ratio: rr, goal: `≤ ${GOAL.ready}×`, ok: rr <= GOAL.ready } : {}) });
    const rs = ratio(first.rssStartMb, r.rssStartMb);
    out.push({ name: `P9 ${db} ${r.size.name}: RSS after start`, value: round(r.rssStartMb, 1), unit: 'MB', ...(vs && rs ? { ratio: rs, goal: `≤ ${GOAL.rss}×`, ok: rs <= GOAL.rss } : {}) });
    const ra = ratio(first.rssAfterMb, r.rssAfterMb);
    out.push({ name: `P9 ${db} ${r.size.name}: RSS after the calls, as read (garbage not yet collected included)`, value: round(r.rssAfterMb, 1), unit: 'MB', ...(vs && ra ? { ratio: ra } : {}) });
    const rg = ratio(first.afterGc.rssMb, r.afterGc.rssMb);
    out.push({ name: `P9 ${db} ${r.size.name}: RSS after the calls and a full collection`, value: round(r.afterGc.rssMb, 1), unit: 'MB', ...(vs && rg ? { ratio: rg, goal: `≤ ${GOAL.rss}×`, ok: rg <= GOAL.rss } : {}) });
    const rh = ratio(first.afterGc.heapUsedMb, r.afterGc.heapUsedMb);
    out.push({ name: `P9 ${db} ${r.size.name}: V8 heap in use after the calls and a full collection`, value: round(r.afterGc.heapUsedMb, 1), unit: 'MB', ...(vs && rh ? { ratio: rh } : {}) });
    const w = worstDelay(r.loop.calls);
    out.push({ name: `P9 ${db} ${r.size.name}: event-loop delay during the calls, max (p99 ${round(w.p99Ms, 1)}; worst: ${w.where})`, value: round(w.maxMs, 1), unit: 'ms', goal: `≤ ${LOOP_GOAL_MS} ms`, ok: w.maxMs <= LOOP_GOAL_MS });
    out.push({ name: `P9 ${db} ${r.size.name}: event-loop delay from spawn to ready, max (p99 ${round(r.loop.start.p99Ms, 1)})`, value: round(r.loop.start.maxMs, 1), unit: 'ms' });
    const j = r.loop.jobs;
    out.push({ name: `P9 ${db} ${r.size.name}: event-loop delay while the backfills after ready ran (${round(j.ms / 1000, 1)} s), max`, value: round(j.delay.maxMs, 1), unit: 'ms', goal: `≤ ${LOOP_GOAL_MS} ms`, ok: j.delay.maxMs <= LOOP_GOAL_MS });
    out.push({ name: `P9 ${db} ${r.size.name}: audit verify, ${r.verify.entries} entries in ${round(r.verify.ms / 1000, 1)} s`, value: round(r.verify.entries / (r.verify.ms / 1000), 0), unit: 'entries/s' });
    out.push({ name: `P9 ${db} ${r.size.name}: seeding (${r.cached ? 'cached' : 'seeded now'})`, value: round(r.seedMs / 1000, 1), unit: 's' });
  }
  return out;
}

/** " median of 3 runs: 4.1 / 5.2 / 8.0" when the size was measured several times. */
const runsNote = (f: CallFigures): string => (f.runP99s && f.runP99s.length > 1 ? `, median of ${f.runP99s.length} runs: ${f.runP99s.map((x) => round(x, 1)).join(' / ')}` : '');
