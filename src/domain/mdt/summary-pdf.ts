import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { defaultFontCatalog, type FontCatalog } from '../viewing/font-catalog.js';
import { planFaces, splitRuns, type FacePlan } from '../viewing/font-runs.js';

/** A block of the summary: a heading and its lines (each wrapped to the page). */
export interface PdfSection {
  heading: string;
  lines: readonly string[];
}

/** What the archived MDT summary shows: the summary pages, then the approval history on the last page. */
export interface SummaryPdfInput {
  title: string;
  header: readonly string[];
  sections: readonly PdfSection[];
  history: PdfSection;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BODY = 10.5;
const HEAD = 12.5;
const LEADING = 1.45;

/** Draws text in runs of the faces (Noto Sans HK subsets) that have its characters: Chinese and English alike. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(private readonly doc: PDFDocument, private readonly plan: FacePlan, private readonly fonts: Map<string, PDFFont>) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  private width(text: string, size: number): number {
    return splitRuns(this.plan, text).reduce((w, r) => w + this.fonts.get(r.faceId)!.widthOfTextAtSize(r.text, size), 0);
  }
  /** One logical line, wrapped at the right margin (by character: Chinese has no spaces to break at). */
  line(text: string, size = BODY, indent = 0): void {
    const max = A4[0] - 2 * MARGIN - indent;
    let rest = text;
    do {
      let n = rest.length;
      while (n > 1 && this.width(rest.slice(0, n), size) > max) n--;
      const space = rest.lastIndexOf(' ', n);
      if (n < rest.length && space > n / 2) n = space + 1;
      this.draw(rest.slice(0, n).trimEnd(), size, indent);
      rest = rest.slice(n).trimStart();
    } while (rest.length > 0);
  }
  private draw(text: string, size: number, indent: number): void {
    if (this.y < MARGIN + size) this.newPage();
    this.y -= size * LEADING;
    let x = MARGIN + indent;
    for (const run of splitRuns(this.plan, text)) {
      const font = this.fonts.get(run.faceId)!;
      this.page.drawText(run.text, { x, y: this.y, size, font, color: rgb(0.1, 0.1, 0.1) });
      x += font.widthOfTextAtSize(run.text, size);
    }
  }
  gap(): void {
    this.y -= BODY * 0.8;
  }
}

/**
 * The archived MDT summary as a PDF (pdf-lib, Noto Sans HK subsets): title and meeting facts, the
 * summary's sections, and the approval history alone on the last page. Stored encrypted like any
 * document and stamped with the viewer's watermark when opened.
 */
export async function renderSummaryPdf(input: SummaryPdfInput, catalog: FontCatalog = defaultFontCatalog()): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(catalog.fontkit);
  doc.setTitle(input.title);
  doc.setProducer('ConsultBridge');
  const all = [input.title, ...input.header, ...[...input.sections, input.history].flatMap((s) => [s.heading, ...s.lines])];
  const plan = planFaces(catalog, all);
  const fonts = new Map<string, PDFFont>();
  for (const id of plan.faceIds) fonts.set(id, await doc.embedFont(catalog.load(id).bytes, { subset: true }));
  const w = new Writer(doc, plan, fonts);
  w.line(input.title, 16);
  for (const h of input.header) w.line(h);
  for (const s of input.sections) {
    w.gap();
    w.line(s.heading, HEAD);
    for (const l of s.lines) w.line(l, BODY, 12);
  }
  w.newPage();
  w.line(input.history.heading, HEAD);
  for (const l of input.history.lines) w.line(l, BODY, 12);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
