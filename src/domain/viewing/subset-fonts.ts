import {
  PDFHexString,
  PDFRawStream,
  PDFString,
  setFontAndSize,
  showText,
  type PDFContext,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import type { FontCatalog } from './font-catalog.js';
import type { TextRun } from './font-runs.js';
import type { StampRuns } from './run-cache.js';
import { faceInfo, glyphOf, hex4, subsetPieces, type FaceInfo, type SubsetPieces } from './subset-face.js';

/**
 * The incremental path's fonts: the same PDF font structure pdf-lib writes for a subset TrueType
 * face (Type0 / CIDFontType2, Identity-H, CIDToGIDMap /Identity, widths, ToUnicode so the stamp
 * can be searched and copied), one subset per face holding just the characters this stamp draws.
 * Faces that draw only the viewer's name and institution get the same subset on every view by
 * that viewer, so it comes from the per-face cache (subset-face.ts); the face drawing the time and
 * trace code needs a new one per view, which is why the subsetter itself has to be cheap.
 */

interface Embedded {
  key: string;
  ref: PDFRef;
  pieces: SubsetPieces;
}

function register(context: PDFContext, info: FaceInfo, p: SubsetPieces): PDFRef {
  const { font, scale } = info;
  const file = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: p.length1 }), p.fontFile));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: p.baseFont,
      Flags: 4 | (font.post.isFixedPitch ? 1 : 0) | (font.head.macStyle.italic ? 64 : 0), // symbolic: glyphs outside the standard Latin set
      FontBBox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * scale,
      Descent: font.descent * scale,
      CapHeight: (font.capHeight || font.ascent) * scale,
      XHeight: (font.xHeight || 0) * scale,
      StemV: 0,
      FontFile2: file,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: p.baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [1, p.widths],
    }),
  );
  const toUnicode = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), p.toUnicode));
  return context.register(
    context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: p.baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
  );
}

interface Face {
  info: FaceInfo;
  embedded: Embedded;
}

/** Stamp runs drawn with subsets of just the drawn characters (see above). */
export class SubsetRuns implements StampRuns {
  private readonly faces = new Map<string, Face>();

  constructor(context: PDFContext, catalog: FontCatalog, lines: readonly TextRun[][]) {
    const used = new Map<string, Set<number>>();
    for (const line of lines) {
      for (const run of line) {
        let cps = used.get(run.faceId);
        if (!cps) used.set(run.faceId, (cps = new Set()));
        for (const ch of run.text) cps.add(ch.codePointAt(0)!);
      }
    }
    let n = 0;
    for (const [faceId, cps] of used) {
      const info = faceInfo(catalog.load(faceId));
      const pieces = subsetPieces(info, [...cps]);
      this.faces.set(faceId, { info, embedded: { key: `CbF${n++}`, ref: register(context, info, pieces), pieces } });
    }
  }

  private face(run: TextRun): Face {
    const f = this.faces.get(run.faceId);
    if (!f) throw new Error(`stamp: face ${run.faceId} not embedded`);
    return f;
  }

  width(runs: TextRun[], size: number): number {
    let units = 0;
    for (const r of runs) {
      const { info } = this.face(r);
      for (const ch of r.text) units += glyphOf(info, ch.codePointAt(0)!)[1] * info.scale;
    }
    return (units * size) / 1000;
  }

  show(runs: TextRun[], size: number): PDFOperator[] {
    const ops: PDFOperator[] = [];
    for (const r of runs) {
      const { info, embedded } = this.face(r);
      let hex = '';
      for (const ch of r.text) hex += hex4(embedded.pieces.cids.get(glyphOf(info, ch.codePointAt(0)!)[0])!);
      ops.push(setFontAndSize(embedded.key, size), showText(PDFHexString.of(hex)));
    }
    return ops;
  }

  fontResources(): Record<string, PDFRef> {
    return Object.fromEntries([...this.faces.values()].map(({ embedded: e }) => [e.key, e.ref]));
  }
}
