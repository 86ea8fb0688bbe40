import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LIMITS } from '../../src/domain/viewing/content-limits.js';
import { renderFormPdf, type FormRecordText } from '../../src/domain/forms/form-pdf.js';
import { renderSummaryPdf, type SummaryPdfInput } from '../../src/domain/mdt/summary-pdf.js';
import { defaultFontCatalog } from '../../src/domain/viewing/font-catalog.js';
import { createRenderPool } from '../../src/render-pool/render-pool.js';
import { extractPdfText } from '../helpers/pdf-text.js';

const summary: SummaryPdfInput = {
  title: 'MDT summary MDT 會議摘要 · C-7KQ2Z',
  header: ['Meeting 會議: Tumour board 腫瘤委員會', 'Chair 主席: Dr CHAN Tai-man 陳大文'],
  sections: [
    { heading: 'Decisions 決定', lines: ['Proceed to neoadjuvant chemotherapy 進行新輔助化療', '病人同意接受治療，家人陪同。建議轉介社工跟進。'] },
    { heading: 'Medications 藥物', lines: ['Metformin 二甲雙胍 500 mg BD'] },
  ],
  history: { heading: 'Approval history 審批紀錄', lines: ['Approved 批准 — Dr LAM Ka-yan 林家欣 2026-12-02 09:00'] },
};
const record: FormRecordText = {
  formName: 'Pre-operative assessment 術前評估',
  recordType: 'assessment',
  caseCode: 'C-7KQ2Z',
  submittedAt: Date.UTC(2026, 11, 1, 6),
  mapped: { problems: ['Carcinoma of colon 結腸癌'], medications: ['Amlodipine 氨氯地平 5 mg'], freeText: [{ label: 'History 病史', text: 'Lives alone in 深水埗.' }] } as FormRecordText['mapped'],
};

/** What a reader sees: the page count and each page's text. */
const seen = async (pdf: Uint8Array) => {
  const t = await extractPdfText(pdf);
  return { pages: t.pageCount, text: t.pages.map((p) => p.text) };
};

/** The service's own PDFs (MDT summary, Yida form record) are printed in the render pool, off the event loop. */
describe('render pool: printing the service’s own PDFs', () => {
  const pool = createRenderPool({ limits: DEFAULT_CONTENT_LIMITS, incremental: true, threads: 1, idleMs: 60_000, memoryMb: 256, renderTimeoutMs: 60_000, inspectTimeoutMs: 30_000 });
  afterAll(() => pool.close());

  it('When an MDT summary is printed in the pool, then it reads exactly as the one rendered here: same pages, same text, history on the last page', async () => {
    const pooled = await seen(await pool.print({ kind: 'mdt_summary', input: summary }));
    expect(pooled).toEqual(await seen(await renderSummaryPdf(summary, defaultFontCatalog())));
    expect(pooled.pages).toBe(2);
    expect(pooled.text[0]).toContain('病人同意接受治療');
    expect(pooled.text[1]).toContain('Approval history 審批紀錄');
    expect(pool.threads).toBe(1);
  }, 60_000);

  it('When a Yida form record is printed in the pool, then it reads exactly as the one rendered here', async () => {
    const pooled = await seen(await pool.print({ kind: 'form_record', record }));
    expect(pooled).toEqual(await seen(await renderFormPdf(defaultFontCatalog(), record)));
    expect(pooled.text.join('\n')).toContain('氨氯地平');
  }, 60_000);
});
