/**
 * A small TrueType (glyf) subsetter for the stamp's fonts. fontkit's subsetter re-encodes every
 * table through its generic structure codec and costs about a millisecond per face and render;
 * the stamp needs a fresh subset for almost every view (the trace code and time change its
 * glyphs), so this copies raw glyph records instead: tens of microseconds.
 * Output tables are those fontkit's own subsetter writes (head, hhea, maxp, hmtx, loca, glyf),
 * which is what a CIDFontType2 with CIDToGIDMap /Identity needs. The Noto Sans HK files carry no
 * hinting tables (cvt, fpgm, prep), so there is nothing else a glyph program could refer to.
 */

export interface SfntFace {
  readonly tables: ReadonlyMap<string, Uint8Array>;
  readonly numGlyphs: number;
  /** Byte range of a glyph record inside `glyf` (empty for blank glyphs such as space). */
  glyphRange(gid: number): [number, number];
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function table(tables: ReadonlyMap<string, Uint8Array>, tag: string): Uint8Array {
  const t = tables.get(tag);
  if (!t) throw new Error(`truetype: no ${tag} table`);
  return t;
}

/** Reads the table directory of an sfnt (TrueType outlines only). */
export function parseSfnt(bytes: Uint8Array): SfntFace {
  const dv = view(bytes);
  const tables = new Map<string, Uint8Array>();
  const count = dv.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = dv.getUint32(at + 8);
    tables.set(tag, bytes.subarray(offset, offset + dv.getUint32(at + 12)));
  }
  const longLoca = view(table(tables, 'head')).getInt16(50) === 1;
  const loca = view(table(tables, 'loca'));
  table(tables, 'glyf');
  const numGlyphs = view(table(tables, 'maxp')).getUint16(4);
  return {
    tables,
    numGlyphs,
    glyphRange(gid) {
      if (gid < 0 || gid >= numGlyphs) throw new RangeError(`truetype: no glyph ${gid}`);
      return longLoca ? [loca.getUint32(gid * 4), loca.getUint32(gid * 4 + 4)] : [loca.getUint16(gid * 2) * 2, loca.getUint16(gid * 2 + 2) * 2];
    },
  };
}

// Composite glyph component flags (OpenType glyf table).
const ARGS_ARE_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_2X2 = 0x0080;

/** Calls `visit(offsetOfGlyphIndex)` for each component of a composite glyph record. */
function eachComponent(glyph: DataView, visit: (at: number) => void): void {
  if (glyph.byteLength < 10 || glyph.getInt16(0) >= 0) return;
  let at = 10;
  for (;;) {
    const flags = glyph.getUint16(at);
    visit(at + 2);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    if (flags & HAVE_SCALE) at += 2;
    else if (flags & HAVE_XY_SCALE) at += 4;
    else if (flags & HAVE_2X2) at += 8;
    if (!(flags & MORE_COMPONENTS)) return;
  }
}

function checksum(b: Uint8Array): number {
  const padded = b.length % 4 ? new Uint8Array(b.length + 4 - (b.length % 4)) : b;
  if (padded !== b) padded.set(b);
  const dv = view(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + dv.getUint32(i)) >>> 0;
  return sum;
}

function assemble(tables: Array<[string, Uint8Array]>): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : 1));
  const n = tables.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  let size = 12 + 16 * n;
  for (const [, t] of tables) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const dv = view(out);
  dv.setUint32(0, 0x00010000);
  dv.setUint16(4, n);
  dv.setUint16(6, pow * 16);
  dv.setUint16(8, Math.log2(pow));
  dv.setUint16(10, n * 16 - pow * 16);
  let offset = 12 + 16 * n;
  let headAt = 0;
  tables.forEach(([tag, t], i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    dv.setUint32(at + 4, checksum(t));
    dv.setUint32(at + 8, offset);
    dv.setUint32(at + 12, t.length);
    out.set(t, offset);
    if (tag === 'head') headAt = offset;
    offset += (t.length + 3) & ~3;
  });
  dv.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

export interface Subset {
  /** A complete sfnt holding glyph 0 (.notdef), then `gids` in order, then any composite parts. */
  bytes: Uint8Array;
  /** Original glyph id → id in the subset. */
  newIds: ReadonlyMap<number, number>;
}

export function subsetTrueType(face: SfntFace, gids: readonly number[]): Subset {
  const order = [0];
  const newIds = new Map<number, number>([[0, 0]]);
  const add = (gid: number) => {
    if (!newIds.has(gid)) newIds.set(gid, order.push(gid) - 1);
  };
  for (const gid of gids) add(gid);
  const glyf = table(face.tables, 'glyf');
  const records = new Array<DataView>();
  // Components join the end of `order`, so this loop also visits them (and theirs).
  for (let i = 0; i < order.length; i++) {
    const [start, end] = face.glyphRange(order[i]!);
    const record = view(glyf.slice(start, end)); // a copy: component ids get rewritten below
    eachComponent(record, (at) => add(record.getUint16(at)));
    records.push(record);
  }
  for (const record of records) eachComponent(record, (at) => record.setUint16(at, newIds.get(record.getUint16(at))!));

  const n = order.length;
  const hmtxIn = view(table(face.tables, 'hmtx'));
  const metricsIn = view(table(face.tables, 'hhea')).getUint16(34);
  const hmtx = new Uint8Array(n * 4);
  const loca = new Uint8Array((n + 1) * 4);
  let glyfSize = 0;
  for (const r of records) glyfSize += (r.byteLength + 3) & ~3;
  const glyfOut = new Uint8Array(glyfSize);
  let at = 0;
  order.forEach((gid, i) => {
    const m = Math.min(gid, metricsIn - 1);
    view(hmtx).setUint16(i * 4, hmtxIn.getUint16(m * 4));
    view(hmtx).setInt16(i * 4 + 2, gid < metricsIn ? hmtxIn.getInt16(gid * 4 + 2) : hmtxIn.getInt16(metricsIn * 4 + (gid - metricsIn) * 2));
    view(loca).setUint32(i * 4, at);
    const r = records[i]!;
    glyfOut.set(new Uint8Array(r.buffer, r.byteOffset, r.byteLength), at);
    at += (r.byteLength + 3) & ~3;
  });
  view(loca).setUint32(n * 4, at);

  const head = table(face.tables, 'head').slice();
  view(head).setUint32(8, 0);
  view(head).setInt16(50, 1); // long loca offsets
  const hhea = table(face.tables, 'hhea').slice();
  view(hhea).setUint16(34, n);
  const maxp = table(face.tables, 'maxp').slice();
  view(maxp).setUint16(4, n);
  const bytes = assemble([['head', head], ['hhea', hhea], ['maxp', maxp], ['hmtx', hmtx], ['loca', loca], ['glyf', glyfOut]]);
  return { bytes, newIds };
}
