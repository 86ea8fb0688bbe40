import {
  concatTransformationMatrix,
  drawObject,
  ParseSpeeds,
  PDFContentStream,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { DomainError } from '../../shared/errors.js';
import { defaultFontCatalog, type FontCatalog } from './font-catalog.js';
import { planFaces, splitRuns } from './font-runs.js';
import { imageToPdf } from './image-page.js';
import { deflatePendingStreams, useNativeDeflate } from '../../pdf/native-deflate.js';
import { uprightFrame } from '../../pdf/page-frame.js';
import { renderIncremental } from './render-incremental.js';
import { RunCache, type StampFont } from './run-cache.js';
import { defaultStructureCache, type StructureCache } from '../../pdf/structure-cache.js';
import { buildStampXObject, buildTile, type StampLines } from './watermark-stamp.js';
import { buildWatermarkText, type ViewerStamp } from './watermark-text.js';

export type RenderMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface RenderRequest {
  /** The plaintext document, already decrypted. */
  bytes: Uint8Array;
  mediaType: RenderMediaType;
  viewer: ViewerStamp;
  /** When the view happens; printed in Hong Kong time. */
  at: Date | number;
  /** From newTraceCode(); the caller records the same code in the audit entry. */
  traceCode: string;
}

export interface RenderDeps {
  /** Defaults to the installed Noto Sans HK. */
  fonts?: FontCatalog;
  /** Parsed PDF structures for the incremental path; defaults to a process-wide bounded cache. */
  structures?: StructureCache;
  /** false: always re-write the whole document (the path images and odd PDFs take anyway). */
  incremental?: boolean;
  /** documentKey(bytes), when the caller computed it already. */
  documentKey?: string;
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // No ignoreEncryption: stamping an encrypted file would produce pages we cannot vouch for.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (e) {
    throw new DomainError('upload.corrupt', 'PDF could not be opened', { cause: e });
  }
  if (doc.getPageCount() === 0) throw new DomainError('upload.corrupt', 'PDF has no pages');
  return doc;
}

/**
 * pdf-lib's JPEG reader views `bytes.buffer` from offset 0, so a Buffer slice (pooled reads, a
 * decrypted blob inside a larger buffer) would be read from the wrong place. Give it its own copy.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

async function openDocument(req: RenderRequest): Promise<PDFDocument> {
  switch (req.mediaType) {
    case 'application/pdf':
      return openPdf(ownBytes(req.bytes));
    case 'image/jpeg':
    case 'image/png':
      return imageToPdf(ownBytes(req.bytes), req.mediaType);
    default:
      throw new DomainError('upload.type');
  }
}

/**
 * Appends "draw the stamp here" to the page. pdf-lib's own drawing path would deflate this
 * 40-byte stream with a fresh pure-JS compressor per page, which cost more than the rest of the
 * page's work; so it goes in uncompressed. normalize() first wraps the page's existing content
 * in q…Q so the original graphics state cannot leak into the stamp.
 */
function placeStamp(page: PDFPage, stamp: PDFRef, matrix: [number, number, number, number, number, number]): void {
  page.node.normalize();
  const name = page.node.newXObject('CbStamp', stamp);
  const ops = [pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState()];
  const ref = page.doc.context.register(PDFContentStream.of(page.doc.context.obj({}), ops, false));
  page.node.addContentStream(ref);
}

/**
 * Returns a PDF of the document with every page stamped for this viewer: a translucent diagonal
 * watermark (name, registration number, institution, HK time, trace code) and a footer line.
 * Pages keep their content and order; nothing is flattened, so text stays selectable.
 */
export async function renderWatermarked(req: RenderRequest, deps: RenderDeps = {}): Promise<Uint8Array> {
  const catalog = deps.fonts ?? defaultFontCatalog();
  if (req.mediaType === 'application/pdf' && deps.incremental !== false) {
    // Most PDFs: append the stamp as an incremental update (render-incremental.ts). Anything that
    // path cannot vouch for (encrypted, unparseable, broken cross-references) comes back
    // undefined and takes the full re-write below, which also reports corrupt files.
    const bytes = ownBytes(req.bytes);
    const structure = await (deps.structures ?? defaultStructureCache()).get(bytes, deps.documentKey);
    if (structure) return renderIncremental({ ...req, bytes }, structure, catalog);
  }
  const doc = await openDocument(req);
  doc.registerFontkit(catalog.fontkit);
  useNativeDeflate(doc);

  const text = buildWatermarkText(req.viewer, req.at, req.traceCode);
  const plan = planFaces(catalog, [text.tileTop, text.tileBottom, text.footer]);
  const fonts = new Map<string, StampFont>();
  for (const [i, id] of plan.faceIds.entries()) {
    const font = await doc.embedFont(catalog.load(id).bytes, { subset: true });
    fonts.set(id, { font, key: `CbF${i}` });
  }
  const lines: StampLines = {
    tileTop: splitRuns(plan, text.tileTop),
    tileBottom: splitRuns(plan, text.tileBottom),
    footer: splitRuns(plan, text.footer),
  };

  const runs = new RunCache(fonts);
  const tile = buildTile(doc.context, lines, runs);
  // One stamp per distinct upright page size; most documents need exactly one.
  const stamps = new Map<string, PDFRef>();
  for (const page of doc.getPages()) {
    const frame = uprightFrame(page);
    const sizeKey = `${frame.width.toFixed(2)}x${frame.height.toFixed(2)}`;
    let ref = stamps.get(sizeKey);
    if (!ref) {
      ref = buildStampXObject(doc.context, tile, lines.footer, runs, frame.width, frame.height);
      stamps.set(sizeKey, ref);
    }
    placeStamp(page, ref, frame.matrix);
  }
  await doc.flush(); // embeds the font subsets, so their streams exist to be deflated
  deflatePendingStreams(doc);
  // Object streams would save a few percent of size at several times the save cost. Writing in one
  // go (no setTimeout yield every 50 objects) blocks the event loop for the whole save, a few ms.
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
