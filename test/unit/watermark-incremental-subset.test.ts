import { describe, expect, it } from 'vitest';
import { defaultFontCatalog, fontkit } from '../../src/domain/viewing/font-catalog.js';
import { parseSfnt, subsetTrueType } from '../../src/pdf/truetype-subset.js';

const catalog = defaultFontCatalog();

/** The glyph ids of `text` in a face, as the stamp would look them up. */
function glyphIds(faceId: string, text: string): number[] {
  const font = catalog.load(faceId).font;
  return [...new Set([...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id))].sort((a, b) => a - b);
}

describe('TrueType subsetter for the stamp', () => {
  it.each([
    ['latin', 'Viewed by Dr CHAN Tai-man · T-ABCDEFGH 2026-11-25 14:00:05 HKT'],
    [catalog.facesFor('陳'.codePointAt(0)!)[0]!, '陳醫院'],
    [catalog.facesFor('瑪'.codePointAt(0)!)[0]!, '瑪'],
  ])('When face %s is cut down to the glyphs of "%s", then fontkit reads the same outlines and advances under the new ids', (faceId, text) => {
    const face = catalog.load(faceId);
    const gids = glyphIds(faceId, text);
    const subset = subsetTrueType(parseSfnt(face.bytes), gids);
    const cut = fontkit.create(subset.bytes);
    expect(cut.numGlyphs).toBe(gids.length + 1); // + .notdef (the Noto glyphs drawn here have no composite parts)
    expect(cut.unitsPerEm).toBe(face.font.unitsPerEm);
    for (const gid of [0, ...gids]) {
      const [before, after] = [face.font.getGlyph(gid), cut.getGlyph(subset.newIds.get(gid)!)];
      expect(after.path.toSVG()).toBe(before.path.toSVG());
      expect(after.advanceWidth).toBe(before.advanceWidth);
    }
  });

  it('When glyphs lie past the face’s last full horizontal metric, then they keep their advance and side bearing', () => {
    const face = catalog.load('latin');
    const sfnt = parseSfnt(face.bytes);
    const gids = [sfnt.numGlyphs - 2, sfnt.numGlyphs - 1]; // latin has fewer hmtx long metrics than glyphs
    const subset = subsetTrueType(sfnt, gids);
    const cut = fontkit.create(subset.bytes);
    for (const gid of gids) {
      const [before, after] = [face.font.getGlyph(gid), cut.getGlyph(subset.newIds.get(gid)!)];
      expect(after.advanceWidth).toBe(before.advanceWidth);
      expect(after.path.toSVG()).toBe(before.path.toSVG());
    }
  });

  it('When glyph ids are out of range, then the subsetter refuses rather than copying garbage', () => {
    const sfnt = parseSfnt(catalog.load('latin').bytes);
    expect(() => subsetTrueType(sfnt, [sfnt.numGlyphs])).toThrow(RangeError);
  });
});
