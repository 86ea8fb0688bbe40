import {
  PDFHexString,
  setFontAndSize,
  showText,
  type PDFContext,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import type { FontCatalog } from './font-catalog.js';
import type { TextRun } from './font-runs.js';
import type { StampRuns } from './run-cache.js';
import { WrittenObject } from '../../pdf/written-object.js';
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

/** The five objects of an embedded subset; all but the references were written when the subset was made. */
function register(context: PDFContext, p: SubsetPieces): PDFRef {
  const file = context.register(p.fontFile);
  const descriptor = context.register(WrittenObject.of(`${p.descriptorHead} ${file.toString()} >>`));
  const cidFont = context.register(WrittenObject.of(`${p.cidFontHead} ${descriptor.toString()} >>`));
  const toUnicode = context.register(p.toUnicode);
  const type0 = `<< /Type /Font /Subtype /Type0 /BaseFont /${p.baseFont} /Encoding /Identity-H /DescendantFonts [${cidFont.toString()}] /ToUnicode ${toUnicode.toString()} >>`;
  return context.register(WrittenObject.of(type0));
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
      this.faces.set(faceId, { info, embedded: { key: `CbF${n++}`, ref: register(context, pieces), pieces } });
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
