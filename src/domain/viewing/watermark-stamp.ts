import {
  beginText,
  endText,
  fill,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setGraphicsState,
  setTextMatrix,
  type PDFContext,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import type { TextRun } from './font-runs.js';
import type { StampRuns } from './run-cache.js';
import { deflateQuick } from '../../pdf/native-deflate.js';
import { pdfNum } from '../../pdf/written-object.js';

export interface StampLines {
  tileTop: TextRun[];
  tileBottom: TextRun[];
  footer: TextRun[];
}

// Light enough to read the record through, dark enough to survive a phone photo.
const TILE_OPACITY = 0.16;
const TILE_SIZE = 13;
const TILE_ANGLE = (32 * Math.PI) / 180;
const ROW_PITCH = TILE_SIZE * 3.2;
const FOOTER_SIZE = 7;
const FOOTER_MIN_SIZE = 4;
const MARGIN = 18;

/** A Form XObject, compressed with node:zlib at its fastest level (pdf-lib's pure-JS deflate costs several times more CPU). */
function registerForm(context: PDFContext, content: string, bbox: number[], resources: Record<string, unknown>): PDFRef {
  const dict = context.obj({ Type: 'XObject', Subtype: 'Form', BBox: bbox, Filter: 'FlateDecode', Resources: resources as never });
  return context.register(PDFRawStream.of(dict, deflateQuick(Buffer.from(content, 'latin1'))));
}

const opsText = (ops: PDFOperator[]) => ops.map((op) => op.toString()).join('\n');


/** One tile: the two watermark lines, drawn once and placed many times. */
export interface Tile {
  ref: PDFRef;
  width: number;
}

export function buildTile(context: PDFContext, lines: StampLines, runs: StampRuns): Tile {
  const width = Math.max(runs.width(lines.tileTop, TILE_SIZE), runs.width(lines.tileBottom, TILE_SIZE));
  const ops = [
    beginText(),
    setTextMatrix(1, 0, 0, 1, 0, TILE_SIZE * 0.6),
    ...runs.show(lines.tileTop, TILE_SIZE),
    setTextMatrix(1, 0, 0, 1, 0, -TILE_SIZE * 0.6),
    ...runs.show(lines.tileBottom, TILE_SIZE),
    endText(),
  ];
  const bbox = [0, -TILE_SIZE * 1.6, width, TILE_SIZE * 2];
  return { ref: registerForm(context, opsText(ops), bbox, { Font: runs.fontResources() }), width };
}

/** Tiles over the whole page along a diagonal, alternate rows shifted half a tile so no column is bare. */
function tileOperators(tile: Tile, w: number, h: number): string {
  const [cos, sin] = [Math.cos(TILE_ANGLE), Math.sin(TILE_ANGLE)];
  const step = tile.width + 4 * TILE_SIZE;
  // The page rectangle seen in the rotated frame (u along the text, v across it).
  const us = [0, w * cos, h * sin, w * cos + h * sin];
  const vs = [0, -w * sin, h * cos, -w * sin + h * cos];
  const [u0, u1, v0, v1] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];

  const spots: Array<[number, number]> = [];
  let row = 0;
  for (let v = v0 - ROW_PITCH; v <= v1 + ROW_PITCH; v += ROW_PITCH, row++) {
    for (let u = u0 - step + (row % 2) * (step / 2); u <= u1; u += step) spots.push([u * cos - v * sin, u * sin + v * cos]);
  }
  // Centre-most tile first: pdf.js marks a form "has no text" by name after the first draw that
  // lands off the page, and would then drop every tile from search and copy.
  const [cx, cy] = [w / 2 - (tile.width / 2) * cos, h / 2 - (tile.width / 2) * sin];
  const order = spots.map(([x, y], i) => [(x - cx) ** 2 + (y - cy) ** 2, i] as const).sort((a, b) => a[0] - b[0]);

  const head = [pushGraphicsState(), setGraphicsState('CbTileGs'), setFillingGrayscaleColor(0.25)];
  const turn = [cos, sin, -sin, cos].map((n) => String(Math.round(n * 1e6) / 1e6)).join(' ');
  // pdfNum: pdf-lib's general number formatter took a tenth of a render for the hundreds of tile positions.
  const lines = order.map(([, i]) => `q ${turn} ${pdfNum(spots[i]![0])} ${pdfNum(spots[i]![1])} cm /CbTile Do Q`);
  return [opsText(head), ...lines, 'Q'].join('\n');
}

/** The footer shrinks to fit narrow pages rather than running off the edge. */
function footerOperators(line: TextRun[], runs: StampRuns, w: number): PDFOperator[] {
  const natural = runs.width(line, FOOTER_SIZE);
  const size = Math.max(FOOTER_MIN_SIZE, Math.min(FOOTER_SIZE, (FOOTER_SIZE * (w - 2 * MARGIN)) / natural));
  return [
    pushGraphicsState(),
    setGraphicsState('CbBandGs'),
    setFillingGrayscaleColor(1),
    rectangle(0, 0, w, size * 2 + 2),
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
 * carries the tiles and footer once and each page only says "draw it here".
 */
export function buildStampXObject(
  context: PDFContext,
  tile: Tile,
  footer: TextRun[],
  runs: StampRuns,
  width: number,
  height: number,
): PDFRef {
  const content = `${tileOperators(tile, width, height)}\n${opsText(footerOperators(footer, runs, width))}`;
  return registerForm(context, content, [0, 0, width, height], {
    Font: runs.fontResources(),
    XObject: { CbTile: tile.ref },
    ExtGState: {
      CbTileGs: { Type: 'ExtGState', ca: TILE_OPACITY, CA: TILE_OPACITY },
      CbBandGs: { Type: 'ExtGState', ca: 0.7, CA: 0.7 },
    },
  });
}
