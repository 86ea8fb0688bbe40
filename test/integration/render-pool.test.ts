import { MessageChannel } from 'node:worker_threads';
import { valueSymbol } from 'piscina';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LIMITS } from '../../src/domain/viewing/content-limits.js';
import type { RenderTask } from '../../src/render-pool/render-task.js';
import { createRenderPool, type RenderPoolOptions } from '../../src/render-pool/render-pool.js';
import runTask from '../../src/render-pool/render-worker.js';
import { DomainError } from '../../src/shared/errors.js';
import { manyPagesPdf } from '../fixtures/hostile-files.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { eventually } from '../helpers/eventually.js';

const VIEWER = { name: 'Dr CHAN Tai-man', registrationNo: 'M12345', institution: 'QMH' };
const request = (bytes: Uint8Array) => ({ bytes, mediaType: 'application/pdf' as const, viewer: VIEWER, at: 0, traceCode: 'T-TESTTEST' });

async function codeOf(p: Promise<unknown>): Promise<{ code: string; limit?: unknown } | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, limit: e.details?.limit };
    throw e;
  }
}

/** The render pool (src/render-pool): lazy, capped, timed, and it recovers from a job it had to kill. */
describe('render pool', () => {
  let pool: ReturnType<typeof createRenderPool> | undefined;
  const make = (o: Partial<RenderPoolOptions> = {}) =>
    (pool = createRenderPool({ limits: DEFAULT_CONTENT_LIMITS, incremental: true, threads: 1, idleMs: 60_000, memoryMb: 256, renderTimeoutMs: 30_000, inspectTimeoutMs: 30_000, ...o }));
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('starts no worker before the first job, and an idle worker exits', async () => {
    const p = make({ idleMs: 100 });
    expect(p.threads).toBe(0);
    const pdf = await p.render(request(await makePdf({ pages: 2 })));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(p.threads).toBe(1);
    await eventually(() => p.threads === 0, 10_000, 'the idle worker to exit');
  }, 30_000);

  it('a render past its time limit is document.unrenderable (limit: time); its worker is replaced and the next job runs', async () => {
    const p = make({ renderTimeoutMs: 1 });
    expect(await codeOf(p.render(request(await makePdf({ pages: 40 }))))).toEqual({ code: 'document.unrenderable', limit: 'time' });
    expect(await codeOf(p.inspect(await makePdf({ pages: 1 }), 'application/pdf'))).toBe('ok');
  }, 60_000);

  it('a worker over its heap cap fails only its own job, with a code', async () => {
    const p = make({ memoryMb: 64, limits: { ...DEFAULT_CONTENT_LIMITS, maxObjects: 10_000_000, maxPages: 10_000_000 } });
    expect(await codeOf(p.render(request(manyPagesPdf(300_000))))).toEqual({ code: 'document.unrenderable', limit: 'memory' });
    expect(await codeOf(p.render(request(await makePdf({ pages: 1 }))))).toBe('ok');
  }, 60_000);

  it('beyond its queue the pool answers render.busy instead of piling up work', async () => {
    const p = make({ maxQueue: 1 });
    const bytes = await makePdf({ pages: 2 });
    const results = await Promise.all([1, 2, 3].map(() => codeOf(p.render(request(bytes)))));
    expect(results).toContain('ok');
    expect(results).toContainEqual({ code: 'render.busy', limit: undefined });
  }, 30_000);

  it('beyond the bytes it may hold waiting, the pool answers render.busy; one file alone always runs', async () => {
    const bytes = await makePdf({ pages: 2 });
    const p = make({ maxQueuedBytes: Math.floor(bytes.length * 1.5) });
    const results = await Promise.all([1, 2, 3].map(() => codeOf(p.render(request(bytes)))));
    expect(results).toContain('ok');
    expect(results).toContainEqual({ code: 'render.busy', limit: undefined });
    const tiny = make({ maxQueuedBytes: 1 });
    expect(await codeOf(tiny.render(request(bytes)))).toBe('ok');
  }, 30_000);

  it('by default a burst of viewers larger than a few per thread waits its turn instead of being refused', async () => {
    const p = make();
    const bytes = await makePdf({ pages: 2 });
    const results = await Promise.all(Array.from({ length: 24 }, () => codeOf(p.render(request(bytes)))));
    expect(results.filter((r) => r !== 'ok')).toEqual([]);
  }, 60_000);

  it('the worker zeroes the plaintext it was given, after a render and after a refused upload', async () => {
    const task = (over: Partial<RenderTask>) => ({ ...over, started: new MessageChannel().port2 }) as RenderTask;
    const bytes = await makePdf({ pages: 2, text: 'Zero me' });
    const out = await runTask(task({ op: 'render', ...request(bytes), limits: DEFAULT_CONTENT_LIMITS, incremental: true }));
    expect((out as unknown as Record<symbol, unknown>)[valueSymbol]).toBeInstanceOf(Uint8Array); // moved, not copied, to the pool
    expect(bytes.every((b) => b === 0)).toBe(true);
    const hostile = manyPagesPdf(2000);
    const refused = await runTask(task({ op: 'inspect', bytes: hostile, mediaType: 'application/pdf', limits: DEFAULT_CONTENT_LIMITS, incremental: true }));
    expect(refused).toEqual({ refused: 'upload.too_many_pages', limit: 'pages' });
    expect(hostile.every((b) => b === 0)).toBe(true);
  }, 30_000);
});
