import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { hkDateTime } from '../../shared/hk-time.js';
import type { FontCatalog } from '../viewing/font-catalog.js';
import { planFaces, splitRuns } from '../viewing/font-runs.js';
import type { MappedSubmission } from './field-mapping.js';

export interface FormRecordText {
  formName: string;
  recordType: string;
  caseCode: string;
  submittedAt: number;
  mapped: Omit<MappedSubmission, 'hkid' | 'caseCode'>;
}

const MARGIN = 48;
const SIZE = 11;
const LINE = 16;
/** Characters per line: wide enough for Latin text, safe for CJK at this size. */
const WRAP = 44;

/** The record's lines, in print order (no HKID: the case carries the patient's identity). */
export function formRecordLines(r: FormRecordText): string[] {
  const out = [r.formName, `Yida form · 宜搭表單 · ${r.recordType}`, `${r.caseCode} · ${hkDateTime(r.submittedAt)}`, ''];
  if (r.mapped.problems.length) out.push('Problems 臨床問題', ...r.mapped.problems.map((p) => `• ${p}`), '');
  if (r.mapped.medications.length) out.push('Medications 藥物', ...r.mapped.medications.map((m) => `• ${m}`), '');
  for (const f of r.mapped.freeText) out.push(f.label, ...f.text.split('\n'), '');
  return out.flatMap(wrap);
}

function wrap(line: string): string[] {
  const chars = [...line];
  if (chars.length <= WRAP) return [line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += WRAP) out.push(chars.slice(i, i + WRAP).join(''));
  return out;
}

/**
 * The filed form as a plain A4 PDF (Noto Sans HK subsets, so Chinese prints), which then goes into the
 * vault like any shared document and is viewed with the viewer's watermark.
 */
export async function renderFormPdf(catalog: FontCatalog, r: FormRecordText): Promise<Buffer> {
  const lines = formRecordLines(r);
  const plan = planFaces(catalog, lines);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(catalog.fontkit);
  const fonts = new Map<string, PDFFont>();
  for (const id of plan.faceIds) fonts.set(id, await doc.embedFont(catalog.load(id).bytes, { subset: true }));
  const [w, h] = PageSizes.A4;
  let page: PDFPage = doc.addPage([w, h]);
  let y = h - MARGIN;
  for (const [i, text] of lines.entries()) {
    if (y < MARGIN) [page, y] = [doc.addPage([w, h]), h - MARGIN];
    let x = MARGIN;
    const size = i === 0 ? SIZE + 4 : SIZE;
    for (const run of splitRuns(plan, text)) {
      const font = fonts.get(run.faceId)!;
      page.drawText(run.text, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      x += font.widthOfTextAtSize(run.text, size);
    }
    y -= i === 0 ? LINE + 6 : LINE;
  }
  return Buffer.from(await doc.save());
}
