import { MessageChannel } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { Config } from '../config/config.js';
import type { ContentLimits } from '../domain/viewing/content-limits.js';
import type { RenderMediaType, RenderRequest } from '../domain/viewing/render-watermarked.js';
import type { DocumentRenderer } from '../domain/viewing/renderer.js';
import type { RenderOutcome, RenderTask } from './render-task.js';
import type { PdfPrinter, PrintJob } from './print-pdf.js';
import { DomainError, ERROR_TABLE, type ErrorCode } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export interface RenderPoolOptions {
  limits: ContentLimits;
  /** WATERMARK_MODE=incremental. */
  incremental: boolean;
  /** Most workers at once (default: the number of CPUs). */
  threads?: number;
  /** An idle worker exits after this long; none is kept when idle. */
  idleMs: number;
  /** V8 heap cap of each worker (resourceLimits.maxOldGenerationSizeMb). */
  memoryMb: number;
  /** Time limit of one view's render, counted from when a worker picks it up. */
  renderTimeoutMs: number;
  /** Time limit of one upload check. */
  inspectTimeoutMs: number;
  /**
   * Jobs waiting for a worker beyond this are refused with render.busy (default 64 per thread): a burst
   * of viewers waits its turn (at most `queueWaitMs`) rather than being turned away.
   */
  maxQueue?: number;
  /** Refused with render.busy too once the files waiting for a worker hold this many bytes (default 256 MB). */
  maxQueuedBytes?: number;
  /** A job still waiting for a worker after this long is render.busy (default: twice its time limit, at least 15 s). */
  queueWaitMs?: number;
  logger?: Logger;
}

type Job = { op: 'inspect'; bytes: Uint8Array; mediaType: RenderMediaType } | ({ op: 'render' } & RenderRequest) | { op: 'print'; job: PrintJob };

/** The worker module next to this one: .ts under tsx (dev, tests), .js once built. */
function workerFile(): { filename: string; execArgv: string[] } {
  const here = new URL(import.meta.url);
  const ts = here.pathname.endsWith('.ts');
  return { filename: new URL(`./render-worker.${ts ? 'ts' : 'js'}`, here).href, execArgv: ts ? ['--import', 'tsx'] : [] };
}

/** The pool's settings from the service configuration (UPLOAD_* limits, RENDER_* workers). */
export function renderPoolOptions(config: Pick<Config, 'viewing'>, logger?: Logger): RenderPoolOptions {
  const { limits, workers, watermarkMode } = config.viewing;
  return {
    limits,
    incremental: watermarkMode === 'incremental',
    threads: workers.threads || undefined,
    idleMs: workers.idleMs,
    memoryMb: workers.memoryMb,
    renderTimeoutMs: workers.renderTimeoutMs,
    inspectTimeoutMs: workers.uploadCheckTimeoutMs,
    logger,
  };
}

const isCode = (c: string): c is ErrorCode => c in ERROR_TABLE;

/**
 * The render pool: piscina worker threads that run the upload check and the view stamp. Created on
 * the first job (the service's idle memory stays as it was), no thread kept when idle, each with a
 * heap cap. A job that outlives its time limit has its worker terminated (the pool starts a fresh
 * one for the next job); a worker that dies (out of memory, crash) fails only its own job. Every
 * failure is a coded error: at upload the file is refused, at view `document.unrenderable`.
 */
export function createRenderPool(o: RenderPoolOptions): DocumentRenderer & PdfPrinter & { readonly threads: number } {
  const maxThreads = Math.max(1, o.threads ?? availableParallelism());
  const maxQueue = o.maxQueue ?? 64 * maxThreads;
  const maxQueuedBytes = o.maxQueuedBytes ?? 256 * 1024 * 1024;
  /** Bytes of the jobs handed to piscina and not yet picked up by a worker (each holds its own copy). */
  let queuedBytes = 0;
  let pool: Piscina<RenderTask, RenderOutcome> | undefined;
  // piscina itself (~6 MB resident) loads with the first job too, not at start.
  let loading: Promise<typeof Piscina> | undefined;
  const load = () => (loading ??= import('piscina').then((m) => m.Piscina));
  const get = async () => {
    const Pool = await load(); // before the ??=, so two first jobs at once still make one pool
    return (pool ??= new Pool({
      ...workerFile(),
      minThreads: 0,
      maxThreads,
      idleTimeout: o.idleMs,
      maxQueue,
      atomics: 'disabled',
      resourceLimits: { maxOldGenerationSizeMb: o.memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, o.memoryMb / 16)), stackSizeMb: 4 },
    }));
  };

  /** Runs one job; `timeoutMs` starts when a worker picks it up; a long wait for one is render.busy. */
  async function runJob(job: Job, timeoutMs: number, failCode: ErrorCode): Promise<RenderOutcome> {
    const workers = await get();
    const size = 'bytes' in job ? job.bytes.byteLength : 0;
    // One file larger than the whole allowance still runs when nothing else waits.
    if (workers.queueSize >= maxQueue || (queuedBytes > 0 && queuedBytes + size > maxQueuedBytes)) throw new DomainError('render.busy');
    const bytes = 'bytes' in job ? new Uint8Array(job.bytes) : undefined; // the worker's own copy, moved to it and zeroed there
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let why: 'queue' | 'time' | undefined;
    let waiting = true;
    queuedBytes += size;
    const pickedUp = () => {
      if (waiting) queuedBytes -= size;
      waiting = false;
    };
    let timer = setTimeout(() => ((why = 'queue'), abort.abort()), o.queueWaitMs ?? Math.max(2 * timeoutMs, 15_000));
    port1.once('message', () => {
      pickedUp();
      clearTimeout(timer);
      timer = setTimeout(() => ((why = 'time'), abort.abort()), timeoutMs);
    });
    const task = (bytes ? { ...job, bytes, limits: o.limits, incremental: o.incremental, started: port2 } : { ...job, started: port2 }) as RenderTask;
    try {
      return await workers.run(task, { signal: abort.signal, transferList: bytes ? [bytes.buffer as ArrayBuffer, port2] : [port2] });
    } catch (e) {
      if (why === 'queue') throw new DomainError('render.busy');
      if (why === 'time') throw new DomainError(failCode, `${job.op}: time limit`, { details: { limit: 'time' } });
      if ((e as Error).message === 'Task queue is at limit') throw new DomainError('render.busy');
      // The worker died: out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash. Its job only.
      const code = (e as { code?: string }).code;
      o.logger?.warn({ code: failCode, err: { name: (e as Error).name, code } }, 'render worker failed');
      throw new DomainError(failCode, `${job.op}: worker failed`, { details: { limit: code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash' } });
    } finally {
      pickedUp();
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    get threads() {
      return pool?.threads.length ?? 0;
    },

    async inspect(bytes, mediaType) {
      const out = await runJob({ op: 'inspect', bytes, mediaType }, o.inspectTimeoutMs, 'upload.too_complex');
      if (out === null) return;
      const refused = out instanceof Uint8Array ? 'upload.corrupt' : out.refused; // (a document is not an inspection's answer)
      throw new DomainError(isCode(refused) ? refused : 'upload.corrupt', undefined, { details: { limit: out instanceof Uint8Array ? undefined : out.limit } });
    },

    async render(req) {
      const out = await runJob({ op: 'render', ...req }, o.renderTimeoutMs, 'document.unrenderable');
      if (out instanceof Uint8Array) return out;
      // A stored file that cannot be rendered, whatever the reason, is the same thing to its viewer.
      throw new DomainError('document.unrenderable', undefined, { details: { reason: out?.refused, limit: out?.limit } });
    },

    /** The service's own PDFs (MDT summary, Yida form record): font embedding is CPU-heavy, so off the event loop too. */
    async print(job) {
      const out = await runJob({ op: 'print', job }, o.renderTimeoutMs, 'document.unrenderable');
      if (out instanceof Uint8Array) return out;
      throw new DomainError('document.unrenderable', `print ${job.kind}: no PDF`);
    },

    async close() {
      const p = pool;
      pool = undefined;
      await p?.destroy();
    },
  };
}
