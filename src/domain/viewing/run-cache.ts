import { setFontAndSize, showText, type PDFFont, type PDFHexString, type PDFOperator, type PDFRef } from 'pdf-lib';
import type { TextRun } from './font-runs.js';

/** An embedded face and the resource name the stamp's content streams call it by. */
export interface StampFont {
  font: PDFFont;
  key: string;
}

/** What the stamp builder needs from its fonts: measure and draw runs, name the font resources. */
export interface StampRuns {
  width(runs: TextRun[], size: number): number;
  show(runs: TextRun[], size: number): PDFOperator[];
  /** Resource name → font dictionary, for the forms that draw the runs. */
  fontResources(): Record<string, PDFRef>;
}

/**
 * Measures and encodes each distinct run once. fontkit shapes text on every encode/measure call
 * (about half a millisecond each), and the tiles repeat the same few runs dozens of times a page.
 */
export class RunCache implements StampRuns {
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

  fontResources(): Record<string, PDFRef> {
    return Object.fromEntries([...this.fonts.values()].map((f) => [f.key, f.font.ref]));
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
