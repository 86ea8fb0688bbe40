import type { Page } from 'playwright-core';
import { makePdf } from '../../fixtures/make-pdf.js';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { assert, expectText, type E2eContext, type E2eTest } from '../harness.js';
import { shareFromApp } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { newGroup, onCasesOf, say } from './my-cases.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending, shares every report
const LAM = 'qmh-lam-kaming'; // 林家明, consulting: the reports are new documents in his inbox
/** More reports than one page (20), so the inbox and the case screen have to load the next page as they scroll. */
const REPORTS = 26;

const newDocs = (page: Page) => page.getByTestId('new-documents').getByTestId('new-document');
const caseDocs = (page: Page) => page.getByTestId('case-documents').getByTestId('case-document');

/** Scrolls to a paged list's "Loading more…" line until its "No more" line shows (issue 15: no list loads the whole history). */
export async function scrollToEnd(page: Page, list: string): Promise<void> {
  const box = page.getByTestId(list);
  await box.getByTestId('list-more').scrollIntoViewIfNeeded();
  await box.getByTestId('list-end').waitFor();
}

export const inboxScrollTests: E2eTest[] = [
  {
    name: 'inbox and case screen scroll to load more: 26 new reports show 20, then all 26 and "No more"; the case screen alike; phone, English and Chinese; screenshots',
    async run(ctx: E2eContext) {
      const group = await newGroup(ctx.baseUrl, 'Inbox scroll e2e', [LAM]);
      const code = await seedCase(ctx.baseUrl, CHAN, `G314159(${hkidCheckChar('G', '314159')})`, group);
      await say(ctx.baseUrl, group, `@ConsultBridge team ${code} add @${LAM} consulting`, [LAM]);
      await onCasesOf(ctx.baseUrl, LAM, code);
      for (let i = 0; i < REPORTS; i++) await shareFromApp(ctx.baseUrl, CHAN, code, await makePdf({ pages: 1, text: `Inbox scroll report ${i} (e2e)` }));

      // Dr Lam on a phone, in English: one page of new documents, the total in the header.
      const lam = await signIn(ctx, LAM, 'en-US');
      await lam.setViewportSize({ width: 375, height: 812 });
      await newDocs(lam).first().waitFor();
      assert((await newDocs(lam).count()) === 20, `one page of 20 at first, got ${await newDocs(lam).count()}`);
      const header = (await lam.getByTestId('new-documents').locator('.adm-list-header').textContent())?.trim();
      assert(header === `New documents on your cases (${REPORTS})`, `the header counts them all, got ${header}`);
      await expectText(lam, 'list-more', 'Loading more…');
      await ctx.screenshot(lam, '140-inbox-first-page-en-phone');

      // Scrolling down the inbox loads the next page by its cursor, until "No more".
      await scrollToEnd(lam, 'new-documents');
      assert((await newDocs(lam).count()) === REPORTS, `every report after scrolling, got ${await newDocs(lam).count()}`);
      await expectText(lam, 'list-end', 'No more');
      await ctx.screenshot(lam, '141-inbox-scrolled-en-phone');

      // The case screen's documents: 20, then the rest on scroll.
      await go(lam, `/case/${code}`);
      await caseDocs(lam).first().waitFor();
      assert((await caseDocs(lam).count()) === 20, `the case screen shows one page of 20, got ${await caseDocs(lam).count()}`);
      await scrollToEnd(lam, 'case-documents');
      assert((await caseDocs(lam).count()) === REPORTS, `every document on the case after scrolling, got ${await caseDocs(lam).count()}`);
      await ctx.screenshot(lam, '142-case-documents-scrolled-en-phone');

      // In Chinese: the same words exist there.
      await go(lam, '/');
      await lam.getByTestId('lang-switch').click();
      await newDocs(lam).first().waitFor();
      await expectText(lam, 'list-more', '正在載入更多…');
      await scrollToEnd(lam, 'new-documents');
      await expectText(lam, 'list-end', '沒有更多了');
      await ctx.screenshot(lam, '143-inbox-scrolled-zh-HK-phone');
    },
  },
];
