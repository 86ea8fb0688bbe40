import { createHash } from 'node:crypto';
import type { FontkitFont, LoadedFace } from './font-catalog.js';
import { parseSfnt, subsetTrueType, type SfntFace } from '../../pdf/truetype-subset.js';
import { deflateQuick } from '../../pdf/native-deflate.js';
import { pdfNum, WrittenObject } from '../../pdf/written-object.js';

/**
 * Subsets of one face for the incremental stamp, ready to embed: the deflated font program, the
 * deflated ToUnicode map and the widths. Built by truetype-subset.ts and kept per face in a small
 * LRU keyed by the exact set of characters, so a viewer's name and institution are subset once,
 * not on every view. What it holds is glyph outlines and the viewer's own characters: stamp text,
 * never document content.
 */
export interface SubsetPieces {
  baseFont: string;
  /** The deflated font program, a complete FontFile2 stream object. */
  fontFile: WrittenObject;
  /** The deflated ToUnicode CMap stream object. */
  toUnicode: WrittenObject;
  /** FontDescriptor dictionary text up to its /FontFile2 value. */
  descriptorHead: string;
  /** CIDFontType2 dictionary text (with /W) up to its /FontDescriptor value. */
  cidFontHead: string;
  /** Original glyph id → CID (= glyph id in the subset). */
  cids: ReadonlyMap<number, number>;
}

export interface FaceInfo {
  sfnt: SfntFace;
  font: FontkitFont;
  /** PDF glyph space units (1/1000 em) per font unit. */
  scale: number;
  postscriptName: string;
  /** code point → [glyph id, advance width in font units]. */
  glyphs: Map<number, [number, number]>;
  subsets: Map<string, SubsetPieces>;
}

const SUBSETS_PER_FACE = 64;

// Per loaded face (immutable font files, like the catalog itself): the table directory and cmap lookups.
const faceInfos = new WeakMap<LoadedFace, FaceInfo>();

export function faceInfo(face: LoadedFace): FaceInfo {
  let info = faceInfos.get(face);
  if (!info) {
    const { font } = face;
    const name = (font.postscriptName || 'Font').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
    info = { sfnt: parseSfnt(face.bytes), font, scale: 1000 / font.unitsPerEm, postscriptName: name, glyphs: new Map(), subsets: new Map() };
    faceInfos.set(face, info);
  }
  return info;
}

export function glyphOf(info: FaceInfo, cp: number): [number, number] {
  let g = info.glyphs.get(cp);
  if (!g) {
    const glyph = info.font.glyphForCodePoint(cp);
    info.glyphs.set(cp, (g = [glyph.id, glyph.advanceWidth]));
  }
  return g;
}

export const hex4 = (n: number) => n.toString(16).padStart(4, '0');

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

/** The font-wide part of a FontDescriptor (same entries pdf-lib writes), as PDF text. */
function descriptorMetrics({ font, scale }: FaceInfo): string {
  const flags = 4 | (font.post.isFixedPitch ? 1 : 0) | (font.head.macStyle.italic ? 64 : 0); // 4: symbolic, glyphs beyond standard Latin
  const bbox = [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((n) => pdfNum(n * scale)).join(' ');
  return (
    `/Flags ${flags} /FontBBox [${bbox}] /ItalicAngle ${pdfNum(font.italicAngle)} /Ascent ${pdfNum(font.ascent * scale)}` +
    ` /Descent ${pdfNum(font.descent * scale)} /CapHeight ${pdfNum((font.capHeight || font.ascent) * scale)}` +
    ` /XHeight ${pdfNum((font.xHeight || 0) * scale)} /StemV 0`
  );
}

function buildPieces(info: FaceInfo, codePoints: readonly number[]): SubsetPieces {
  const gids = [...new Set(codePoints.map((cp) => glyphOf(info, cp)[0]))].sort((a, b) => a - b);
  const subset = subsetTrueType(info.sfnt, gids);
  const order = [...subset.newIds.entries()].sort((a, b) => a[1] - b[1]).map(([gid]) => gid);
  // A subset font's name starts with a six-letter tag naming the subset (PDF 32000-1 §9.6.4).
  const tag = createHash('sha256').update(subset.bytes).digest().subarray(0, 6).reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
  const baseFont = `${tag}+${info.postscriptName}`;
  const pairs = codePoints.map((cp): [number, number] => [subset.newIds.get(glyphOf(info, cp)[0])!, cp]);
  const cmap = Buffer.from(toUnicodeCmap(pairs.sort((a, b) => a[0] - b[0])), 'latin1');
  const widths = order.slice(1).map((gid) => pdfNum(info.font.getGlyph(gid).advanceWidth * info.scale));
  return {
    baseFont,
    fontFile: WrittenObject.stream(`<< /Filter /FlateDecode /Length1 ${subset.bytes.length} >>`, deflateQuick(subset.bytes)),
    toUnicode: WrittenObject.stream('<< /Filter /FlateDecode >>', deflateQuick(cmap)),
    descriptorHead: `<< /Type /FontDescriptor /FontName /${baseFont} ${descriptorMetrics(info)} /FontFile2`,
    cidFontHead:
      `<< /Type /Font /Subtype /CIDFontType2 /CIDToGIDMap /Identity /BaseFont /${baseFont}` +
      ` /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [1 [${widths.join(' ')}]] /FontDescriptor`,
    cids: subset.newIds,
  };
}

/** The subset drawing exactly `codePoints` (distinct, any order), from the face's LRU or built now. */
export function subsetPieces(info: FaceInfo, codePoints: readonly number[]): SubsetPieces {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const key = String.fromCodePoint(...sorted);
  let pieces = info.subsets.get(key);
  if (pieces) info.subsets.delete(key); // re-inserted below: Map order is the recency order
  else pieces = buildPieces(info, sorted);
  info.subsets.set(key, pieces);
  if (info.subsets.size > SUBSETS_PER_FACE) info.subsets.delete(info.subsets.keys().next().value!);
  return pieces;
}
