/**
 * P2: per-viewer watermarked rendering of a 20-page PDF, beside @fastify/static serving the same
 * plaintext file over HTTP on 127.0.0.1 (what "just send the file" would cost). `benchP2` measures
 * the view path as the service runs it (decrypt through a real vault: temp SQLite, file blob store,
 * file keyring; stamp in the render pool's worker threads, several views in flight) and the same
 * stamp in this thread one at a time (how views ran before the pool), against one static baseline.
 * Wall-clock percentiles move with whatever else the machine runs, so CPU time per render is
 * reported too. Every render has its own trace code and time, so nothing per view can be reused;
 * each measured path gets a fresh structure cache, so its first render pays the document parse
 * (and, first in the process, the font load) and is reported on its own row. The full re-write
 * that images and odd PDFs still take is measured too, for comparison.
 * Run: npx tsx bench/p2-watermark.ts
 */
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/client.js';
import { createFsBlobStore } from '../src/domain/vault/fs-blob-store.js';
import { openLocalKeyring } from '../src/domain/vault/open-keyring.js';
import { createVaultRepository } from '../src/domain/vault/vault-repository.js';
import { createVault } from '../src/domain/vault/vault-service.js';
import { DEFAULT_CONTENT_LIMITS } from '../src/domain/viewing/content-limits.js';
import { renderWatermarked, type RenderRequest } from '../src/domain/viewing/render-watermarked.js';
import { createStructureCache } from '../src/pdf/structure-cache.js';
import { newTraceCode } from '../src/domain/viewing/trace-code.js';
import { createRenderPool } from '../src/render-pool/render-pool.js';
import { systemClock } from '../src/shared/clock.js';
import { makeSamplePdf } from '../test/fixtures/watermark-documents.js';
import { percentile, round, type BenchRow } from './row.js';

/** A step timed together with each render, e.g. the vault decrypt in front of it. */
export interface PreStep<S> {
  /** Names the measured path in the rows, e.g. `decrypt + watermark`. */
  label: string;
  /** Once, untimed: e.g. store the plaintext in a vault. Returns what `run` needs. */
  setup(plaintext: Uint8Array): Promise<S>;
  /** Every iteration, timed: must return the plaintext to render. */
  run(state: S): Promise<Uint8Array>;
  /** Once, after the timed loop: e.g. remove the temp vault. */
  teardown?(state: S): Promise<void>;
}

/**
 * The view path's decrypt (src/http/documents/view-document.ts): the plaintext stored once in a real
 * vault, then every render opens it (blob read, data-key unwrap, AES-GCM decrypt) as a view does.
 */
export function vaultDecrypt(): PreStep<{ dir: string; close(): void; open(): Promise<Buffer> }> {
  return {
    label: 'decrypt + watermark',
    async setup(plaintext) {
      const dir = await mkdtemp(join(tmpdir(), 'cb-p2-vault-'));
      const dbh = openDatabase(`file:${join(dir, 'vault.db')}`);
      const vault = createVault({
        repo: createVaultRepository(dbh),
        blobs: createFsBlobStore(join(dir, 'blobs')),
        keyring: openLocalKeyring({ dir: join(dir, 'keys') }),
        clock: systemClock,
      });
      const ref = { documentId: randomUUID(), caseId: 'bench-case' };
      await vault.store({ ...ref, bytes: Buffer.from(plaintext) });
      return { dir, close: dbh.close, open: () => vault.open(ref) };
    },
    run: (state) => state.open(),
    async teardown(state) {
      state.close();
      await rm(state.dir, { recursive: true, force: true });
    },
  };
}

export interface WatermarkBenchOptions<S = unknown> {
  pages?: number;
  renders?: number;
  warmup?: number;
  /** Requests against the static baseline, and how many are in flight at once. */
  staticRequests?: number;
  concurrency?: number;
  /** Upper bound on each timed loop, so the bench always stops. */
  maxSeconds?: number;
  pre?: PreStep<S>;
  /** false: measure the full re-write (the fallback path) instead of the incremental update. */
  incremental?: boolean;
}

const VIEWER = { name: '陳大文 Dr CHAN Tai-man', registrationNo: 'M12345', institution: 'Queen Mary Hospital 瑪麗醫院' };

/** Milliseconds, except `perSecond`. */
type Measured = Record<'cold' | 'p50' | 'p99' | 'cpuMs' | 'perSecond', number>;

/** Renders one view's PDF from its plaintext: in this thread, or through the render pool. */
type RenderFn = (req: RenderRequest) => Promise<Uint8Array>;

type LoopOptions = Pick<Required<WatermarkBenchOptions>, 'renders' | 'warmup' | 'maxSeconds'> & {
  incremental?: boolean;
  /** Renders in flight at once (default 1); more than one only helps when `render` leaves this thread. */
  inFlight?: number;
  render?: RenderFn;
};

/** In this thread, as views did before the render pool (and as the pool's workers do). */
const inProcess = (incremental: boolean): RenderFn => {
  const deps = { structures: createStructureCache(), incremental };
  return (req) => renderWatermarked(req, deps);
};

async function measureRenders<S>(plaintext: Uint8Array, o: LoopOptions, pre?: PreStep<S>): Promise<Measured> {
  const state = pre ? await pre.setup(plaintext) : undefined;
  const render = o.render ?? inProcess(o.incremental ?? true);
  const once = async () => {
    const bytes = pre ? await pre.run(state as S) : plaintext;
    return render({ bytes, mediaType: 'application/pdf', viewer: VIEWER, at: Date.now(), traceCode: newTraceCode() });
  };
  try {
    const coldStart = performance.now();
    await once(); // parses this document's structure; first in a process (or worker), also loads the font faces
    const cold = performance.now() - coldStart;
    // Warm every worker too: with several in flight, each worker gets its share of the warm-up.
    const inFlight = o.inFlight ?? 1;
    for (let i = 1; i < o.warmup; i += inFlight) await Promise.all(Array.from({ length: inFlight }, once));

    const times: number[] = [];
    const deadline = performance.now() + o.maxSeconds * 1000;
    const cpu0 = process.cpuUsage(); // process-wide: includes the pool's worker threads
    const t0 = performance.now();
    let started = 0;
    const loop = async () => {
      while (started < o.renders && performance.now() < deadline) {
        started++;
        const t = performance.now();
        await once();
        times.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, loop));
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
    return { cold, p50: percentile(times, 50), p99: percentile(times, 99), cpuMs, perSecond: (times.length * 1000) / elapsed };
  } finally {
    if (pre?.teardown) await pre.teardown(state as S);
  }
}

/** Requests per second for @fastify/static serving `file`, a bounded number of fetches in flight. */
async function measureStatic(file: Uint8Array, requests: number, concurrency: number, maxSeconds: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'cb-p2-'));
  const app = Fastify({ logger: false });
  try {
    await writeFile(join(dir, 'doc.pdf'), file);
    await app.register(fastifyStatic, { root: dir });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${address}/doc.pdf`;
    const fetchOnce = async () => {
      const res = await fetch(url);
      const body = await res.arrayBuffer();
      if (!res.ok || body.byteLength !== file.byteLength) throw new Error(`static baseline: HTTP ${res.status}`);
    };
    for (let i = 0; i < 50; i++) await fetchOnce();

    let started = 0;
    let done = 0;
    const deadline = performance.now() + maxSeconds * 1000;
    const t0 = performance.now();
    const worker = async () => {
      while (started < requests && performance.now() < deadline) {
        started++;
        await fetchOnce();
        done++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return (done * 1000) / (performance.now() - t0);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `latencyGoal` false: many views in flight, so p50 includes the wait for a worker (the goal is on the 1-in-flight row). */
function rowsFor(what: string, r: Measured, staticRps: number, concurrency: number, latencyGoal = true): BenchRow[] {
  const ratio = r.perSecond / staticRps;
  return [
    latencyGoal ? { name: `P2 ${what}: p50`, value: round(r.p50), unit: 'ms', goal: '≤ 40', ok: r.p50 <= 40 } : { name: `P2 ${what}: p50`, value: round(r.p50), unit: 'ms' },
    { name: `P2 ${what}: p99`, value: round(r.p99), unit: 'ms' },
    { name: `P2 ${what}: CPU time per render (mean)`, value: round(r.cpuMs), unit: 'ms' },
    { name: `P2 ${what}: first render of the document (structure parse; font load if first in process)`, value: round(r.cold), unit: 'ms' },
    {
      name: `P2 ${what}: throughput vs @fastify/static (same file, HTTP, ${concurrency} in flight)`,
      value: round(r.perSecond, 1),
      unit: 'renders/s',
      baseline: round(staticRps, 1),
      ratio: round(ratio, 3),
      goal: '≥ 0.3× static',
      ok: ratio >= 0.3,
    },
  ];
}

// Warm-up: V8 needs a few hundred renders before the stamp code runs optimised (mean CPU per render
// halves between render 10 and render 200), and throughput is about a server that is serving views
// all day. What a cold process or a new document costs is on its own row.
const DEFAULTS = { pages: 20, renders: 500, warmup: 150, staticRequests: 3000, concurrency: 16, maxSeconds: 20 };

/** One path (the render alone, or `pre` + render) beside its own static baseline. */
export async function benchWatermark<S = unknown>(opts: WatermarkBenchOptions<S> = {}): Promise<BenchRow[]> {
  const o = { ...DEFAULTS, ...opts };
  const plaintext = await makeSamplePdf({ pages: o.pages });
  const r = await measureRenders(plaintext, o, opts.pre);
  const staticRps = await measureStatic(plaintext, o.staticRequests, o.concurrency, o.maxSeconds);
  return rowsFor(`${opts.pre?.label ?? 'watermark render'}, ${o.pages}-page PDF`, r, staticRps, o.concurrency);
}

/** The service's render pool as views use it (worker threads, one per CPU, defaults from the config). */
function pool() {
  return createRenderPool({
    limits: DEFAULT_CONTENT_LIMITS,
    incremental: true,
    idleMs: 60_000,
    memoryMb: 256,
    renderTimeoutMs: 10_000,
    inspectTimeoutMs: 30_000,
    maxQueue: 1000,
  });
}

/**
 * What `bench/run.ts P2` prints: views as the service now renders them (decrypt in the main thread,
 * stamp in the render pool, `concurrency` views in flight like the static baseline's fetches), the
 * pool with one view in flight (its latency), the same stamp in this thread one at a time (the path
 * views took before the pool, for the ratio), and the full re-write, all against one static baseline.
 */
export async function benchP2(opts: Omit<WatermarkBenchOptions, 'pre'> = {}): Promise<BenchRow[]> {
  const o = { ...DEFAULTS, maxSeconds: 12, ...opts };
  const plaintext = await makeSamplePdf({ pages: o.pages });
  const workers = pool();
  try {
    const render = (req: RenderRequest) => workers.render(req);
    const pooled = await measureRenders(plaintext, { ...o, render, inFlight: o.concurrency }, vaultDecrypt());
    const single = await measureRenders(plaintext, { ...o, render, inFlight: 1 });
    const threads = workers.threads;
    const inThread = await measureRenders(plaintext, o);
    const full = await measureRenders(plaintext, { ...o, renders: Math.min(o.renders, 100), warmup: Math.min(o.warmup, 20), incremental: false });
    const staticRps = await measureStatic(plaintext, o.staticRequests, o.concurrency, o.maxSeconds);
    const fullName = `P2 full re-write (fallback for images and odd PDFs), ${o.pages}-page PDF`;
    return [
      ...rowsFor(`view: decrypt + render pool (${threads} worker threads, ${o.concurrency} in flight), ${o.pages}-page PDF`, pooled, staticRps, o.concurrency, false),
      { name: `P2 render pool, 1 view in flight: p50`, value: round(single.p50), unit: 'ms', goal: '≤ 40', ok: single.p50 <= 40 },
      { name: `P2 render pool, 1 view in flight: throughput`, value: round(single.perSecond, 1), unit: 'renders/s' },
      ...rowsFor(`in-thread render (before the pool; 1 in flight), ${o.pages}-page PDF`, inThread, staticRps, o.concurrency),
      { name: `P2 render pool throughput ÷ in-thread throughput`, value: round(pooled.perSecond / inThread.perSecond, 2), unit: '×', goal: '> 1', ok: pooled.perSecond > inThread.perSecond },
      { name: `${fullName}: p50`, value: round(full.p50), unit: 'ms' },
      { name: `${fullName}: CPU time per render (mean)`, value: round(full.cpuMs), unit: 'ms' },
    ];
  } finally {
    await workers.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchP2().then((rows) => console.table(rows), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
