import type { Page } from 'playwright-core';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { assert, expectText, type E2eContext, type E2eTest } from '../harness.js';
import { appToken } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { scrollToEnd } from './inbox-scroll.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending: a prescriber on his own case
/** More medications than one page (20), so the list has to load the next page as it scrolls. */
const MEDICATIONS = 23;

/** Records a medication the lexicon does not know (no interaction check runs), as the add form does. */
async function addMedication(baseUrl: string, code: string, text: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/cases/${code}/medications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, CHAN)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, confirmed: [] }),
  });
  assert(res.status === 201, `medication ${text} recorded: ${res.status} ${await res.text()}`);
}

const meds = (page: Page) => page.getByTestId('med-list').getByTestId('med-active');
const shown = async (page: Page) => (await meds(page).locator('[data-testid=med-text-shown]').allTextContents()).map((s) => s.trim());

export const caseListsScrollTests: E2eTest[] = [
  {
    name: 'case lists scroll to load more: a case with 23 medications shows the newest 20, then the other 3 on scroll, none twice, and "No more"; phone, English and Chinese; screenshots',
    async run(ctx: E2eContext) {
      const code = await seedCase(ctx.baseUrl, CHAN, `K271828(${hkidCheckChar('K', '271828')})`);
      for (let i = 0; i < MEDICATIONS; i++) await addMedication(ctx.baseUrl, code, `Scrollmed ${String(i).padStart(2, '0')}`);
      const newestFirst = Array.from({ length: MEDICATIONS }, (_, i) => `Scrollmed ${String(MEDICATIONS - 1 - i).padStart(2, '0')}`);

      const page = await signIn(ctx, CHAN, 'en-US');
      await page.setViewportSize({ width: 375, height: 812 });
      await go(page, `/doctor/cases/${code}/medications`);
      await meds(page).first().waitFor();
      const first = await shown(page);
      assert(JSON.stringify(first) === JSON.stringify(newestFirst.slice(0, 20)), `one page of the newest 20 at first, got ${first.join(', ')}`);
      await expectText(page, 'list-more', 'Loading more…');
      await ctx.screenshot(page, '150-medications-first-page-en-phone');

      await scrollToEnd(page, 'med-list');
      const all = await shown(page);
      assert(JSON.stringify(all) === JSON.stringify(newestFirst), `all 23, newest first, none twice, after scrolling; got ${all.join(', ')}`);
      await expectText(page, 'list-end', 'No more');
      await ctx.screenshot(page, '151-medications-scrolled-en-phone');

      // In Chinese, opened afresh from the case screen: the first page again, the words in the other language.
      await page.getByTestId('lang-switch').click();
      await go(page, `/case/${code}`);
      await page.getByTestId('case-medications').click();
      await meds(page).first().waitFor();
      await expectText(page, 'list-more', '正在載入更多…');
      assert((await meds(page).count()) === 20, `one page in Chinese too, got ${await meds(page).count()}`);
      await scrollToEnd(page, 'med-list');
      assert((await meds(page).count()) === MEDICATIONS, `all after scrolling in Chinese, got ${await meds(page).count()}`);
      await expectText(page, 'list-end', '沒有更多了');
      await ctx.screenshot(page, '152-medications-scrolled-zh-HK-phone');
    },
  },
];
