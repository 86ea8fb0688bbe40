import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makePdf } from '../fixtures/make-pdf.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, openCase, shareReport, viewAs } from '../helpers/sharing-flow.js';

/**
 * WATERMARK_MODE: `incremental` (default) appends the stamp to the original bytes; `rewrite` re-writes
 * the whole file, so no prefix of the view is the unstamped original. Either way every page carries
 * the viewer's name and the view's trace code.
 */
describe('watermark mode', () => {
  let h: Harness | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await h?.close();
  });

  async function viewAsChan(mode: 'incremental' | 'rewrite', hkid: string) {
    h = await startHarness({ env: { WATERMARK_MODE: mode } });
    app = await appFor(h);
    const group = h.demo.groups.cardiologyConsult;
    const code = await openCase(h, group, hkid);
    const original = await makePdf({ pages: 3, text: 'Mode report' });
    const documentId = await shareReport(h, app, group, CHAN, code, original);
    const tokenRes = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/documents/${documentId}/view-token` });
    expect(tokenRes.statusCode).toBe(200);
    const view = await viewAs(h, app, (tokenRes.json() as { token: string }).token, CHAN);
    expect(view.statusCode).toBe(200);
    return { original, pdf: view.rawPayload, h };
  }

  for (const [mode, hkid] of [['incremental', 'F112358(7)'], ['rewrite', 'G314159(3)']] as const) {
    it(`${mode}: every page is stamped with the viewer and the trace code; the original is ${mode === 'incremental' ? '' : 'not '}a prefix`, async () => {
      const { original, pdf, h } = await viewAsChan(mode, hkid);
      const prefix = Buffer.compare(pdf.subarray(0, original.length), original) === 0;
      expect(prefix).toBe(mode === 'incremental');
      const text = await extractPdfText(pdf);
      expect(text.pageCount).toBe(3);
      const trace = /T-[A-Z0-9]{8}/.exec(text.pages[0]!.text)?.[0];
      expect(await h.service.audit.repo.findByTrace(trace!)).toHaveLength(1);
      for (const page of text.pages) {
        expect(page.text).toContain('陳大文');
        expect(page.text).toContain(trace!);
      }
    }, 30_000);
  }
});
