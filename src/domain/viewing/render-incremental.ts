import {
  concatTransformationMatrix,
  drawObject,
  PDFContentStream,
  PDFContext,
  popGraphicsState,
  pushGraphicsState,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import type { FontCatalog } from './font-catalog.js';
import { planFaces, splitRuns } from './font-runs.js';
import { appendUpdate } from '../../pdf/incremental-writer.js';
import { PAGE_SLOTS, type PdfStructure } from '../../pdf/pdf-structure.js';
import { SubsetRuns } from './subset-fonts.js';
import { buildStampXObject, buildTile, type StampLines } from './watermark-stamp.js';
import { buildWatermarkText, type ViewerStamp } from './watermark-text.js';
import { WrittenObject } from '../../pdf/written-object.js';

export interface IncrementalRequest {
  bytes: Uint8Array;
  viewer: ViewerStamp;
  at: Date | number;
  traceCode: string;
}

/**
 * The fast path of renderWatermarked for PDFs: the same stamp (tiles and footer as Form XObjects,
 * same fonts, opacity and placement) appended as an incremental update (PDF 32000-1 §7.5.6)
 * instead of re-writing the whole file. The original bytes stay as they are; after them come the
 * viewer's font subsets, the stamp forms, two tiny content streams and, per page, a replacement
 * page object (same object number) whose /Contents is [q, …original streams…, Q + draw stamp] and
 * whose /Resources (the effective ones, own or inherited) add the stamp form. A reader follows the
 * new cross-reference section, chained by /Prev to the original's, and sees every page stamped.
 * The document is parsed once (pdf-structure.ts, cached); per view nothing of the original is
 * parsed, re-encoded or re-written, which is what made the full save cost ~9 ms.
 * Known trade-off: cutting the file at the original length gives back the unstamped document,
 * where the full re-write needed a PDF editor to drop the stamp stream. Either way the stamp deters
 * and traces; it is not DRM. RenderDeps.incremental = false turns this path off.
 */
export function renderIncremental(req: IncrementalRequest, structure: PdfStructure, catalog: FontCatalog): Uint8Array {
  const context = PDFContext.create();
  // New objects are numbered after every object of the original (its trailer /Size).
  context.largestObjectNumber = structure.nextObjectNumber - 1;

  const text = buildWatermarkText(req.viewer, req.at, req.traceCode);
  const plan = planFaces(catalog, [text.tileTop, text.tileBottom, text.footer]);
  const lines: StampLines = {
    tileTop: splitRuns(plan, text.tileTop),
    tileBottom: splitRuns(plan, text.tileBottom),
    footer: splitRuns(plan, text.footer),
  };
  const runs = new SubsetRuns(context, catalog, [lines.tileTop, lines.tileBottom, lines.footer]);
  const tile = buildTile(context, lines, runs);

  const stream = (ops: PDFOperator[]) => context.register(PDFContentStream.of(context.obj({}), ops, false));
  // Wraps each page's own content in q…Q, so a graphics state it leaves changed cannot move the stamp.
  const open = stream([pushGraphicsState()]);
  const stamps = new Map<string, PDFRef>();
  const closes = new Map<string, PDFRef>();
  for (const page of structure.pages) {
    const { frame, stampName } = page;
    const sizeKey = `${frame.width.toFixed(2)}x${frame.height.toFixed(2)}`;
    let stamp = stamps.get(sizeKey);
    if (!stamp) stamps.set(sizeKey, (stamp = buildStampXObject(context, tile, lines.footer, runs, frame.width, frame.height)));
    const closeKey = `${sizeKey}/${frame.matrix.join(' ')}/${stampName}`;
    let close = closes.get(closeKey);
    if (!close) {
      const ops = [popGraphicsState(), pushGraphicsState(), concatTransformationMatrix(...frame.matrix), drawObject(stampName), popGraphicsState()];
      closes.set(closeKey, (close = stream(ops)));
    }

    const dict = page.template
      .replace(PAGE_SLOTS.open.toString(), open.toString())
      .replace(PAGE_SLOTS.close.toString(), close.toString())
      .replace(PAGE_SLOTS.stamp.toString(), stamp.toString());
    context.assign(page.ref, WrittenObject.of(dict));
  }
  return appendUpdate(req.bytes, context, structure);
}
