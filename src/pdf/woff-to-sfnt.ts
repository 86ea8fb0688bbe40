import { inflateSync } from 'node:zlib';

/**
 * Unwraps a WOFF 1.0 file into the plain TrueType/OpenType (sfnt) font it carries.
 * Why: fontkit's own WOFF reader fails on some of the Noto Sans HK files (its bundled inflate
 * rejects their zlib streams), and its WOFF2 reader cannot be subset correctly (the subsetter copies
 * raw `glyf` bytes, which WOFF2 stores transformed). node:zlib plus the WOFF layout is all it takes.
 * @see https://www.w3.org/TR/WOFF/ sections 3–5
 */
const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER = 44;
const DIR_ENTRY = 20;
const SFNT_ENTRY = 16;

const pad4 = (n: number) => (n + 3) & ~3;

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.length < HEADER || src.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);

  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const at = HEADER + i * DIR_ENTRY;
    const [offset, compLength, origLength] = [src.readUInt32BE(at + 4), src.readUInt32BE(at + 8), src.readUInt32BE(at + 12)];
    const raw = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('WOFF table length mismatch');
    tables.push({ tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data });
  }
  tables.sort((a, b) => a.tag - b.tag); // sfnt requires ascending tags; WOFF usually has them so already

  const headerSize = 12 + numTables * SFNT_ENTRY;
  const total = tables.reduce((n, t) => n + pad4(t.data.length), headerSize);
  const out = Buffer.alloc(total);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);

  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * SFNT_ENTRY;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad4(t.data.length);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
