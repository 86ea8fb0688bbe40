import {
  beginText,
  endText,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  showText,
  type PDFContext,
  type PDFFont,
  type PDFHexString,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import type { TextRun } from './font-runs.js';

/** An embedded face and the resource name the stamp's content stream calls it by. */
export interface StampFont {
  font: PDFFont;
  key: string;
}

export interface StampLines {
  tileTop: TextRun[];
  tileBottom: TextRun[];
  footer: TextRun[];
}

// Light enough to read the record through, dark enough to survive a phone photo.
const TILE_OPACITY = 0.16;
const TILE_SIZE = 13;
const TILE_ANGLE = (32 * Math.PI) / 180;
const ROW_GAP = 3.2; // row pitch in multiples of the font size
const FOOTER_SIZE = 7;
const FOOTER_MIN_SIZE = 4;
const MARGIN = 18;

/**
 * Measures and encodes each distinct run once. fontkit shapes text on every encode/measure call
 * (about half a millisecond each), and the tiles repeat the same few runs dozens of times a page.
 */
export class RunCache {
  private readonly encoded = new Map<string, PDFHexString>();
  private readonly unitWidths = new Map<string, number>();
  constructor(readonly fonts: ReadonlyMap<string, StampFont>) {}

  private font(run: TextRun): StampFont {
    const f = this.fonts.get(run.faceId);
    if (!f) throw new Error(`stamp: face ${run.faceId} not embedded`);
    return f;
  }

  width(runs: TextRun[], size: number): number {
    let w = 0;
    for (const r of runs) {
      const key = `${r.faceId}\u0000${r.text}`;
      let unit = this.unitWidths.get(key);
      if (unit === undefined) this.unitWidths.set(key, (unit = this.font(r).font.widthOfTextAtSize(r.text, 1)));
      w += unit * size;
    }
    return w;
  }

  show(runs: TextRun[], size: number): PDFOperator[] {
    const ops: PDFOperator[] = [];
    for (const r of runs) {
      const f = this.font(r);
      const key = `${r.faceId}\u0000${r.text}`;
      let hex = this.encoded.get(key);
      if (!hex) this.encoded.set(key, (hex = f.font.encodeText(r.text)));
      ops.push(setFontAndSize(f.key, size), showText(hex));
    }
    return ops;
  }
}

/** Diagonal tiles over the whole page, alternate rows shifted half a tile so no column is bare. */
function tileOperators(lines: StampLines, runs: RunCache, w: number, h: number): PDFOperator[] {
  const [cos, sin] = [Math.cos(TILE_ANGLE), Math.sin(TILE_ANGLE)];
  const tileW = Math.max(runs.width(lines.tileTop, TILE_SIZE), runs.width(lines.tileBottom, TILE_SIZE)) + 4 * TILE_SIZE;
  const pitch = TILE_SIZE * ROW_GAP;
  // The page rectangle seen in the rotated frame (u along the text, v across it).
  const us = [0, w * cos, h * sin, w * cos + h * sin];
  const vs = [0, -w * sin, h * cos, -w * sin + h * cos];
  const [u0, u1, v0, v1] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];

  const ops: PDFOperator[] = [pushGraphicsState(), setGraphicsState('CbTile'), setFillingGrayscaleColor(0.25), beginText()];
  let row = 0;
  for (let v = v0 - pitch; v <= v1 + pitch; v += pitch, row++) {
    for (let u = u0 - tileW + (row % 2) * (tileW / 2); u <= u1; u += tileW) {
      for (const [line, dv] of [[lines.tileTop, TILE_SIZE * 0.6], [lines.tileBottom, -TILE_SIZE * 0.6]] as const) {
        const [x, y] = [u * cos - (v + dv) * sin, u * sin + (v + dv) * cos];
        ops.push(setTextMatrix(cos, sin, -sin, cos, x, y), ...runs.show(line, TILE_SIZE));
      }
    }
  }
  ops.push(endText(), popGraphicsState());
  return ops;
}

/** The footer shrinks to fit narrow pages rather than running off the edge. */
function footerOperators(line: TextRun[], runs: RunCache, w: number): PDFOperator[] {
  const natural = runs.width(line, FOOTER_SIZE);
  const size = Math.max(FOOTER_MIN_SIZE, Math.min(FOOTER_SIZE, (FOOTER_SIZE * (w - 2 * MARGIN)) / natural));
  const bandH = size * 2;
  return [
    pushGraphicsState(),
    setGraphicsState('CbBand'),
    setFillingGrayscaleColor(1),
    rectangle(0, 0, w, bandH + 2),
    fill(),
    popGraphicsState(),
    pushGraphicsState(),
    setFillingGrayscaleColor(0.2),
    beginText(),
    setTextMatrix(1, 0, 0, 1, MARGIN, size * 0.8),
    ...runs.show(line, size),
    endText(),
    popGraphicsState(),
  ];
}

/**
 * Builds the stamp for one upright page size as a Form XObject, so a 20-page document of one size
 * carries the tiles once and each page only says "draw it here".
 */
export function buildStampXObject(
  context: PDFContext,
  lines: StampLines,
  runs: RunCache,
  width: number,
  height: number,
): PDFRef {
  const fontDict: Record<string, PDFRef> = {};
  for (const f of runs.fonts.values()) fontDict[f.key] = f.font.ref;
  const stream = context.formXObject(
    [...tileOperators(lines, runs, width, height), ...footerOperators(lines.footer, runs, width)],
    {
      BBox: [0, 0, width, height],
      Resources: {
        Font: fontDict,
        ExtGState: {
          CbTile: { Type: 'ExtGState', ca: TILE_OPACITY, CA: TILE_OPACITY },
          CbBand: { Type: 'ExtGState', ca: 0.7, CA: 0.7 },
        },
      },
    },
  );
  return context.register(stream);
}
