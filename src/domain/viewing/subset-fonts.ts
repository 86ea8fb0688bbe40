import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
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
import type { FontCatalog, FontkitFont, LoadedFace } from './font-catalog.js';
import type { TextRun } from './font-runs.js';
import type { StampRuns } from './run-cache.js';
import { parseSfnt, subsetTrueType, type SfntFace } from './truetype-subset.js';

/**
 * The incremental path's fonts: the same PDF font structure pdf-lib writes for a subset TrueType
 * face (Type0 / CIDFontType2, Identity-H, CIDToGIDMap /Identity, widths, ToUnicode so the stamp
 * can be searched and copied), built directly from a raw-glyph subset (truetype-subset.ts) of just
 * the characters this stamp draws, so the file names no one but this viewer.
 */

interface FaceInfo {
  sfnt: SfntFace;
  font: FontkitFont;
  /** PDF glyph space units (1/1000 em) per font unit. */
  scale: number;
  postscriptName: string;
  /** code point → [glyph id, advance width in font units]. */
  glyphs: Map<number, [number, number]>;
}

// Per loaded face (immutable font files, like the catalog itself): the table directory and cmap lookups.
const faceInfos = new WeakMap<LoadedFace, FaceInfo>();

function faceInfo(face: LoadedFace): FaceInfo {
  let info = faceInfos.get(face);
  if (!info) {
    const { font } = face;
    const name = (font.postscriptName || 'Font').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
    info = { sfnt: parseSfnt(face.bytes), font, scale: 1000 / font.unitsPerEm, postscriptName: name, glyphs: new Map() };
    faceInfos.set(face, info);
  }
  return info;
}

function glyphOf(info: FaceInfo, cp: number): [number, number] {
  let g = info.glyphs.get(cp);
  if (!g) {
    const glyph = info.font.glyphForCodePoint(cp);
    info.glyphs.set(cp, (g = [glyph.id, glyph.advanceWidth]));
  }
  return g;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** ToUnicode CMap; bfchar blocks hold at most 100 entries (PDF 32000-1 §9.10.3). */
function toUnicodeCmap(pairs: Array<[number, number]>): string {
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([cid, cp]) => `<${hex4(cid)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`);
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n' +
    `${blocks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`
  );
}

interface EmbeddedFace {
  key: string;
  ref: PDFRef;
  info: FaceInfo;
  /** Original glyph id → CID (= glyph id in the subset). */
  cids: ReadonlyMap<number, number>;
}

function embedFace(context: PDFContext, info: FaceInfo, codePoints: number[], key: string): EmbeddedFace {
  const gids = [...new Set(codePoints.map((cp) => glyphOf(info, cp)[0]))].sort((a, b) => a - b);
  const subset = subsetTrueType(info.sfnt, gids);
  const order = [...subset.newIds.entries()].sort((a, b) => a[1] - b[1]).map(([gid]) => gid);
  // A subset font's name starts with a six-letter tag naming the subset (PDF 32000-1 §9.6.4).
  const tag = createHash('sha256').update(subset.bytes).digest().subarray(0, 6).reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
  const baseFont = `${tag}+${info.postscriptName}`;
  const { font, scale } = info;
  const file = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: subset.bytes.length }), deflateSync(subset.bytes)));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
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
  const widths = order.slice(1).map((gid) => font.getGlyph(gid).advanceWidth * scale);
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [1, widths],
    }),
  );
  const pairs = [...new Set(codePoints)].map((cp): [number, number] => [subset.newIds.get(glyphOf(info, cp)[0])!, cp]);
  const cmap = Buffer.from(toUnicodeCmap(pairs.sort((a, b) => a[0] - b[0])), 'latin1');
  const toUnicode = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(cmap)));
  const type0 = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode });
  return { key, ref: context.register(type0), info, cids: subset.newIds };
}

/** Stamp runs drawn with per-render subsets: one per face that draws at least one character. */
export class SubsetRuns implements StampRuns {
  private readonly faces = new Map<string, EmbeddedFace>();

  constructor(context: PDFContext, catalog: FontCatalog, lines: readonly TextRun[][]) {
    const used = new Map<string, number[]>();
    for (const line of lines) {
      for (const run of line) {
        let cps = used.get(run.faceId);
        if (!cps) used.set(run.faceId, (cps = []));
        for (const ch of run.text) cps.push(ch.codePointAt(0)!);
      }
    }
    let i = 0;
    for (const [faceId, cps] of used) {
      this.faces.set(faceId, embedFace(context, faceInfo(catalog.load(faceId)), cps, `CbF${i++}`));
    }
  }

  private face(run: TextRun): EmbeddedFace {
    const f = this.faces.get(run.faceId);
    if (!f) throw new Error(`stamp: face ${run.faceId} not embedded`);
    return f;
  }

  width(runs: TextRun[], size: number): number {
    let units = 0;
    for (const r of runs) {
      const info = this.face(r).info;
      for (const ch of r.text) units += glyphOf(info, ch.codePointAt(0)!)[1] * info.scale;
    }
    return (units * size) / 1000;
  }

  show(runs: TextRun[], size: number): PDFOperator[] {
    const ops: PDFOperator[] = [];
    for (const r of runs) {
      const f = this.face(r);
      let hex = '';
      for (const ch of r.text) hex += hex4(f.cids.get(glyphOf(f.info, ch.codePointAt(0)!)[0])!);
      ops.push(setFontAndSize(f.key, size), showText(PDFHexString.of(hex)));
    }
    return ops;
  }

  fontResources(): Record<string, PDFRef> {
    return Object.fromEntries([...this.faces.values()].map((f) => [f.key, f.ref]));
  }
}
