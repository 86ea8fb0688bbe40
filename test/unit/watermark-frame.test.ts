import { degrees, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { uprightFrame } from '../../src/pdf/page-frame.js';

type M = [number, number, number, number, number, number];
const apply = ([a, b, c, d, e, f]: M, u: number, v: number) => [a * u + c * v + e, b * u + d * v + f];

/** Where a user-space point shows on screen (y up) once the viewer applies /Rotate (clockwise). */
function shown(angle: number, w: number, h: number, [x, y]: number[]): number[] {
  switch (angle) {
    case 90:
      return [y!, w - x!];
    case 180:
      return [w - x!, h - y!];
    case 270:
      return [h - y!, x!];
    default:
      return [x!, y!];
  }
}

describe('upright page frame', () => {
  it.each([0, 90, 180, 270])('When a page has /Rotate %i, then upright drawing lands upright and inside the page', async (angle) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([600, 800]);
    page.setRotation(degrees(angle));
    const frame = uprightFrame(page);
    const sideways = angle % 180 !== 0;
    expect([frame.width, frame.height]).toEqual(sideways ? [800, 600] : [600, 800]);
    // Upright origin shows bottom-left, and one step right/up in the stamp shows right/up on screen.
    const at = (u: number, v: number) => shown(angle, 600, 800, apply(frame.matrix, u, v)).map((n) => Math.round(n));
    expect(at(0, 0)).toEqual([0, 0]);
    expect(at(10, 0)).toEqual([10, 0]);
    expect(at(0, 10)).toEqual([0, 10]);
    expect(at(frame.width, frame.height)).toEqual([frame.width, frame.height]);
  });

  it('When the crop box is offset, then the frame starts at the crop box corner', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([600, 800]);
    page.setCropBox(50, 40, 500, 700);
    const frame = uprightFrame(page);
    expect([frame.width, frame.height]).toEqual([500, 700]);
    expect(apply(frame.matrix, 0, 0)).toEqual([50, 40]);
  });
});
