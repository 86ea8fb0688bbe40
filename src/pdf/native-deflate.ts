import { deflateSync } from 'node:zlib';
import { PDFFlateStream, PDFName, PDFRawStream, type PDFContext, type PDFDocument } from 'pdf-lib';

/**
 * pdf-lib compresses with pako (pure JS), which sets up fresh compressor state for every stream;
 * a watermark render makes a dozen small streams (font subsets, ToUnicode maps), and that set-up
 * was the largest single cost after layout. These two hooks hand the same work to node:zlib.
 * Output is ordinary FlateDecode either way. Only this document's context is touched.
 */
export function useNativeDeflate(doc: PDFDocument): void {
  const context: PDFContext = doc.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), {
      ...dict,
      Filter: 'FlateDecode',
    });
}

/**
 * Replaces streams pdf-lib would deflate lazily at save time (content streams it created with
 * encoding on) by already-deflated raw streams. Call after `doc.flush()`, right before `save()`.
 */
export function deflatePendingStreams(doc: PDFDocument): void {
  const context = doc.context;
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFFlateStream) || obj.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) continue;
    context.assign(ref, PDFRawStream.of(obj.dict, deflateSync(obj.getUnencodedContents())));
  }
}

/**
 * For streams made per view (stamp forms, font subsets, ToUnicode maps): zlib's fastest level.
 * On these few-kilobyte streams it is a third cheaper than the default and a few percent larger.
 */
export function deflateQuick(bytes: Uint8Array): Buffer {
  return deflateSync(bytes, { level: 1 });
}
