import { move } from 'piscina';
import { isDomainError } from '../shared/errors.js';
import { checkStored, inspectUpload } from '../domain/viewing/inspect-upload.js';
import { renderWatermarked } from '../domain/viewing/render-watermarked.js';
import { documentKey } from '../pdf/structure-cache.js';
import type { RenderOutcome, RenderTask } from './render-task.js';
import { printPdf } from './print-pdf.js';

/**
 * A render worker (one thread of the pool in render-pool.ts): runs one upload check, one stamp or one
 * print of the service's own PDFs (print-pdf.ts) at a time under the thread's memory cap, and zeroes the plaintext it was given before it answers.
 * Refusals are returned as `{ refused: code }` (a DomainError would not survive the thread boundary);
 * anything else thrown is the pool's to map.
 */
const VETTED_LIMIT = 256;
/** Stored files this worker has measured (by SHA-256 of the plaintext), so repeat views skip the scan. */
const vetted = new Set<string>();

async function vet(task: Extract<RenderTask, { op: 'render' }>, key: string): Promise<void> {
  if (vetted.has(key)) return;
  await checkStored(task.bytes, task.mediaType, task.limits);
  vetted.add(key);
  if (vetted.size > VETTED_LIMIT) vetted.delete(vetted.values().next().value!);
}

/** A result the pool can take over without a copy (a view into a shared or larger buffer is copied first). */
function transferable(pdf: Uint8Array): Uint8Array {
  return pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && !(pdf.buffer instanceof SharedArrayBuffer) ? pdf : new Uint8Array(pdf);
}

export default async function run(task: RenderTask): Promise<RenderOutcome> {
  task.started.postMessage(1);
  task.started.close();
  // The service's own PDFs: nothing untrusted to refuse; a failure is the pool's to map.
  if (task.op === 'print') return move(transferable(await printPdf(task.job))) as Uint8Array;
  try {
    if (task.op === 'inspect') {
      await inspectUpload(task);
      return null;
    }
    const key = documentKey(task.bytes);
    await vet(task, key);
    const { bytes, mediaType, viewer, at, traceCode, incremental } = task;
    const pdf = await renderWatermarked({ bytes, mediaType, viewer, at, traceCode }, { incremental, documentKey: key });
    return move(transferable(pdf)) as Uint8Array;
  } catch (e) {
    if (isDomainError(e)) return { refused: e.code, limit: e.details?.limit as string | undefined };
    // A parser giving up (pdf-lib's TypeError on a missing /Pages, a RangeError from a runaway
    // recursion…) means the file cannot be rendered: the same refusal as a damaged file.
    if (e instanceof RangeError) return { refused: 'upload.too_complex', limit: 'nesting' };
    return { refused: 'upload.corrupt' };
  } finally {
    task.bytes.fill(0);
  }
}
