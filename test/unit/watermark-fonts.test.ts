import { describe, expect, it } from 'vitest';
import { defaultFontCatalog, faceCovers, fontkit, parseUnicodeRange } from '../../src/domain/viewing/font-catalog.js';
import { MISSING_GLYPH, planFaces, splitRuns } from '../../src/domain/viewing/font-runs.js';
import { woffToSfnt } from '../../src/pdf/woff-to-sfnt.js';

const catalog = defaultFontCatalog();

describe('unicode ranges', () => {
  it('When a CSS unicode-range list is parsed, then single points and spans become sorted inclusive ranges', () => {
    const ranges = parseUnicodeRange('U+4e00-4e0f, U+20, U+2f00-2fd5,junk');
    expect(ranges).toEqual([[0x20, 0x20], [0x2f00, 0x2fd5], [0x4e00, 0x4e0f]]);
    const face = { id: 'x', ranges };
    expect([0x1f, 0x20, 0x4e00, 0x4e0f, 0x4e10, 0x2fd6].map((cp) => faceCovers(face, cp))).toEqual([false, true, true, true, false, false]);
  });
});

describe('WOFF unwrapping', () => {
  it('When a Noto Sans HK WOFF is unwrapped, then the result is an sfnt that fontkit reads with the same tables', () => {
    const face = catalog.load('latin');
    const sfnt = Buffer.from(face.bytes);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
    expect(face.font.hasGlyphForCodePoint('A'.codePointAt(0)!)).toBe(true);
    expect(face.font.unitsPerEm).toBe(1000);
  });

  it('When the input is not WOFF, then it is refused', () => {
    expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/not a WOFF/);
  });
});

describe('font catalog', () => {
  it('When a face is loaded twice, then the file is read and parsed once', () => {
    const first = catalog.load('119');
    expect(catalog.load('119')).toBe(first);
    // pdf-lib asks the catalog's fontkit to parse the bytes on every embed; it gets the cached font.
    expect(catalog.fontkit.create(first.bytes)).toBe(first.font);
    expect(catalog.fontkit.create(new Uint8Array(first.bytes))).not.toBe(first.font);
  });

  it('When the same text is laid out twice, then the cached run comes back and matches an uncached layout', () => {
    const face = catalog.load('119');
    const first = face.font.layout('Dr CHAN Tai-man 大文');
    expect(face.font.layout('Dr CHAN Tai-man 大文')).toBe(first);
    const fresh = fontkit.create(new Uint8Array(face.bytes)).layout('Dr CHAN Tai-man 大文');
    expect(first.glyphs.map((g) => g.id)).toEqual(fresh.glyphs.map((g) => g.id));
    expect(first.advanceWidth).toBe(fresh.advanceWidth);
  });

  it('When asked which faces draw a character, then every named face really has the glyph', () => {
    for (const ch of ['陳', '大', '文', '瑪', 'A', '·', '3']) {
      const ids = catalog.facesFor(ch.codePointAt(0)!);
      expect(ids.length, ch).toBeGreaterThan(0);
      for (const id of ids) expect(catalog.load(id).font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
    expect(catalog.facesFor(0x20bb7)).toEqual([]); // 𠮷 is not in the HK set
  });
});

describe('face planning and runs', () => {
  it('When a mixed Chinese and English name is planned, then every character gets a face and runs rejoin to the text', () => {
    const text = '陳大文 Dr CHAN Tai-man · 瑪麗醫院';
    const plan = planFaces(catalog, [text]);
    const runs = splitRuns(plan, text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    for (const run of runs) {
      expect(plan.faceIds).toContain(run.faceId);
      for (const ch of run.text) expect(catalog.load(run.faceId).font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
    // Adjacent characters of one face merge into one run.
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.faceId).not.toBe(runs[i - 1]!.faceId);
  });

  it('When the text is plain ASCII, then one face covers it all', () => {
    const plan = planFaces(catalog, ['Dr CHAN Tai-man M12345', 'T-ABCDEFGH 2026-11-25 14:00:00 HKT']);
    expect(plan.faceIds).toHaveLength(1);
  });

  it('When a character has no face, then it becomes the missing-glyph mark in a run', () => {
    const plan = planFaces(catalog, ['王𠮷']);
    const runs = splitRuns(plan, '王𠮷');
    expect(runs.map((r) => r.text).join('')).toBe(`王${MISSING_GLYPH}`);
  });
});
