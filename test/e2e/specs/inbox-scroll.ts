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
/** "Documents I can open" rows on this case (other specs may have given the same doctor documents elsewhere). */
const openable = (page: Page, code?: string) => page.getByTestId('openable-documents').getByTestId('openable-document').filter(code ? { hasText: code } : {});

/** Scrolls to a paged list's "Loading more…" line until its "No more" line shows (issue 15: no list loads the whole history). */
export async function scrollToEnd(page: Page, list: string): Promise<void> {
  const box = page.getByTestId(list);
  await box.getByTestId('list-more').scrollIntoViewIfNeeded();
  await box.getByTestId('list-end').waitFor();
}

export const inboxScrollTests: E2eTest[] = [
  {
    name: 'inbox, case screen and documents I can open scroll to load more: 26 new reports show 20, then all 26 and "No more"; the case screen and the documents list alike; phone, English and Chinese; screenshots',
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

      // "Documents I can open", from the Cases tab: a page of 20 newest first (these 26 are the newest), the rest on scroll; each open to him by his care role.
      await go(lam, '/cases');
      await lam.getByTestId('cases-documents').click();
      await openable(lam).first().waitFor();
      assert((await openable(lam).count()) === 20 && (await openable(lam, code).count()) === 20, `one page of 20, all on the new case, got ${await openable(lam).count()}`);
      await scrollToEnd(lam, 'openable-documents');
      assert((await openable(lam, code).count()) === REPORTS, `every report of the case after scrolling, got ${await openable(lam, code).count()}`);
      const vias = new Set(await openable(lam, code).getByTestId('openable-via').allTextContents());
      assert(vias.size === 1 && vias.has('Care team'), `open through his care role, got ${[...vias].join(', ')}`);
      await ctx.screenshot(lam, '144-documents-i-can-open-en-phone');
      await openable(lam, code).first().click();
      await lam.waitForURL(/\/app\/doc\//);

      // In Chinese: the same words exist there.
      await go(lam, '/');
      await lam.getByTestId('lang-switch').click();
      await newDocs(lam).first().waitFor();
      await expectText(lam, 'list-more', '正在載入更多…');
      await scrollToEnd(lam, 'new-documents');
      await expectText(lam, 'list-end', '沒有更多了');
      await ctx.screenshot(lam, '143-inbox-scrolled-zh-HK-phone');
      await go(lam, '/doctor/documents');
      await openable(lam, code).first().waitFor();
      await lam.getByText('我可開啟的文件').first().waitFor();
      assert((await openable(lam, code).first().getByTestId('openable-via').textContent()) === '醫護團隊', 'the reason in Chinese');
      await ctx.screenshot(lam, '145-documents-i-can-open-zh-HK-phone');
    },
  },
];
