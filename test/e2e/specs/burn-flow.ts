import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { seedBurnDocument, seedBurnText } from './burn-data.js';
import { go, signIn } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, the author
const LAM = 'qmh-lam-kaming'; // reads it in Chinese
const WONG = 'hph-wong-siuming'; // reads it in English
const SECRET = 'K+ 6.8 mmol/L: repeat before 17:00, call me on 9123 4567';

/** Opens the burn item from the inbox, checks the text and a countdown of at most 10 s; returns the item id. */
async function openFromInbox(page: Page, caseCode: string): Promise<string> {
  await page.getByTestId(`burn-item-${caseCode}`).click();
  await page.getByTestId('burn-text').waitFor();
  assert((await page.getByTestId('burn-text').textContent()) === SECRET, 'the text is shown');
  const left = Number(/(\d+)/.exec((await page.getByTestId('burn-countdown').textContent()) ?? '')?.[1]);
  assert(left > 0 && left <= 10, `a countdown of at most 10 s: ${left}`);
  return /\/burn\/([A-Za-z0-9_-]+)$/.exec(new URL(page.url()).pathname)![1]!;
}

/** Waits out the countdown (10 s, within 15 s), then the content must be gone from the page. */
async function expectBurned(page: Page, title: string): Promise<void> {
  await page.getByTestId('burn-burned').waitFor({ timeout: 15_000 });
  await expectVisible(page, title);
  assert((await page.getByTestId('burn-text').count()) === 0, 'the text element is removed');
  assert(!(await page.content()).includes('9123 4567'), 'the text is nowhere in the DOM');
}

export const burnTests: E2eTest[] = [
  {
    name: 'burn: 陳大文 sends a 10 s burn-after-reading text; 林家明 (zh-HK) and WONG (en) open it from the inbox, the countdown ends, the content is gone; screenshots',
    async run(ctx: E2eContext) {
      const caseCode = await seedBurnText(ctx.baseUrl, CHAN, [LAM, WONG], 'D135790(6)', SECRET);
      const lam = await signIn(ctx, LAM, 'zh-HK');
      const wong = await signIn(ctx, WONG, 'en-US');

      await openFromInbox(lam, caseCode);
      await expectVisible(lam, '銷毀倒數');
      await ctx.screenshot(lam, '40-burn-viewer-zh-HK');
      const itemId = await openFromInbox(wong, caseCode);
      await expectVisible(wong, 'Burns in');
      await ctx.screenshot(wong, '41-burn-viewer-en');

      await expectBurned(lam, '此訊息已銷毀');
      await ctx.screenshot(lam, '42-burn-burned-zh-HK');
      await expectBurned(wong, 'This message has burned');
      await ctx.screenshot(wong, '43-burn-burned-en');

      // Opening it again does not bring it back: the server refuses past this reader's deadline.
      await go(wong, '/inbox');
      await go(wong, `/burn/${itemId}`);
      await wong.getByTestId('burn-burned').waitFor();
      assert(!(await wong.content()).includes('9123 4567'), 'a reopen shows nothing');
    },
  },
  {
    name: 'burn document: 林嘉明 opens a 10 s burn-after-reading PDF; it is stamped with his name, the countdown starts at the fetch, at zero the pages are gone; screenshot',
    async run(ctx: E2eContext) {
      const pdf = await makePdf({ pages: 2, text: 'Burn document marker 7Q4Z' });
      const caseCode = await seedBurnDocument(ctx.baseUrl, CHAN, [LAM], 'H141421(8)', pdf);
      const lam = await signIn(ctx, LAM, 'zh-HK');
      await lam.getByTestId(`burn-item-${caseCode}`).click();
      await lam.locator('[data-testid=pdf-pages] .textLayer span').first().waitFor({ state: 'attached', timeout: 20_000 });
      const text = (await lam.locator('[data-testid=pdf-pages] .textLayer').allTextContents()).join(' ');
      assert(text.includes('7Q4Z') && text.includes('林嘉明'), 'the document is shown, stamped for Dr Lam');
      const left = Number(/(\d+)/.exec((await lam.getByTestId('burn-countdown').textContent()) ?? '')?.[1]);
      assert(left > 0 && left <= 10, `a countdown of at most 10 s once fetched: ${left}`);
      await ctx.screenshot(lam, '44-burn-document-zh-HK');
      await lam.getByTestId('burn-burned').waitFor({ timeout: 15_000 });
      assert((await lam.getByTestId('pdf-pages').count()) === 0, 'the pages are removed');
      assert(!(await lam.content()).includes('7Q4Z'), 'the document text is nowhere in the DOM');
    },
  },
];

