import type { Page } from 'playwright-core';
import { assert, expectText, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { askToShare, seedCase } from './doctor-data.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending, Queen Mary Hospital
const WONG = 'hph-wong-siuming'; // 黃小明 WONG Siu-ming, family medicine, private hospital, not on the team

/** A fresh browser profile signed in as a demo user, landing on the inbox. */
export async function signIn(ctx: E2eContext, userId: string, locale: string): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport: { width: 390, height: 844 } });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${userId}`).click();
  await page.getByTestId('inbox').waitFor();
  return page;
}

/**
 * In-app navigation, as a tap on a link would do: no reload, so no refresh-cookie round trip (the auth
 * routes are rate-limited per address, and the whole suite signs in from 127.0.0.1).
 */
export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((path) => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `/app${route}`);
}

/** The text pdf.js put into the text layer (what the watermark stamped onto the page), once it is drawn. */
async function pdfText(page: Page): Promise<string> {
  await page.locator('[data-testid=pdf-pages] .textLayer span').first().waitFor({ state: 'attached', timeout: 20_000 });
  return (await page.locator('[data-testid=pdf-pages] .textLayer').allTextContents()).join(' ');
}

export const doctorTests: E2eTest[] = [
  {
    name: 'doctors: 陳大文 shares a report, 黃小明 requests access, 陳大文 approves, 黃小明 views it stamped with his name; both languages; screenshots',
    async run(ctx) {
      const caseCode = await seedCase(ctx.baseUrl, CHAN, 'C123456(9)');

      // Dr Chan (zh-HK) follows the bot's answer to `share C-…` into the share screen and uploads the report.
      const shareRoute = await askToShare(ctx.baseUrl, CHAN, caseCode);
      const chan = await signIn(ctx, CHAN, 'zh-HK');
      await go(chan, shareRoute);
      const pdf = await makePdf({ pages: 1, text: 'Echocardiogram report (e2e)' });
      await chan.getByTestId('share-file').setInputFiles({ name: 'echo.pdf', mimeType: 'application/pdf', buffer: pdf });
      await chan.getByTestId('share-send').click();
      await chan.getByTestId('share-done').waitFor();
      const documentId = (await chan.locator('[data-document-id]').getAttribute('data-document-id'))!;

      // He opens the case: team with roles and badges, the report with who has not opened it.
      await chan.getByTestId('compose-to-case').click();
      await chan.getByTestId('case-view').waitFor();
      await expectVisible(chan, '陳大文 · 主診');
      await expectVisible(chan, '✓ 已驗證');
      await chan.getByTestId('case-document').first().waitFor();
      await ctx.screenshot(chan, '30-doctor-case-zh-HK');
      await chan.getByTestId('lang-switch').click();
      await expectVisible(chan, 'CHAN Tai-man · Attending');
      await ctx.screenshot(chan, '31-doctor-case-en');
      await chan.getByTestId('lang-switch').click();

      // Dr Wong (English) is not on the team: the case is closed to him, the report offers a request.
      const wong = await signIn(ctx, WONG, 'en-US');
      await go(wong, `/case/${caseCode}`);
      await expectVisible(wong, 'Ask the case’s attending to add you to the care team');
      await go(wong, `/doc/${documentId}`);
      await wong.getByTestId('request-access').waitFor();
      await expectVisible(wong, 'You can’t open this yet');
      await wong.getByTestId('reason-continuing_care').click();
      await ctx.screenshot(wong, '32-doctor-request-en');
      await wong.getByTestId('request-send').click();
      await wong.getByTestId('request-sent').waitFor();
      await expectVisible(wong, 'Continuing care');
      await go(wong, '/inbox');
      await wong.getByTestId(`my-request-${caseCode}`).waitFor();
      await expectVisible(wong, 'Pending');

      // Dr Chan finds it in the inbox and approves with a note.
      await go(chan, '/inbox');
      await chan.getByTestId(`to-decide-${caseCode}`).click();
      await chan.getByTestId('decide-sheet').waitFor();
      await expectVisible(chan, '黃小明');
      await expectVisible(chan, '持續護理（轉介醫生）');
      await chan.getByTestId('decide-note').locator('textarea').fill('覆診用');
      await ctx.screenshot(chan, '33-doctor-decide-zh-HK');
      await chan.getByTestId('decide-approve').click();
      await chan.getByTestId(`to-decide-${caseCode}`).waitFor({ state: 'detached' });

      // Dr Wong's request shows approved; opening it renders the PDF watermarked for him.
      await go(wong, '/me'); // away and back: the inbox loads afresh
      await go(wong, '/inbox');
      await expectVisible(wong, 'Approved');
      await ctx.screenshot(wong, '34-doctor-inbox-approved-en');
      await wong.getByTestId(`my-request-${caseCode}`).click();
      await wong.getByTestId('secure-viewer').waitFor();
      const text = await pdfText(wong);
      assert(text.includes('黃小明'), `the watermark names the viewer in Chinese: ${text.slice(0, 300)}`);
      assert(text.includes('Echocardiogram report'), 'the report itself is drawn');
      assert((await wong.getByTestId('viewer-overlay').textContent())?.includes('WONG Siu-ming'), 'the overlay names the viewer');
      assert((await wong.locator('a[download], [data-testid*=download], [data-testid*=print]').count()) === 0, 'no download or print control');
      await wong.waitForTimeout(300);
      await ctx.screenshot(wong, '35-doctor-viewer-en');
      await wong.getByTestId('lang-switch').click();
      await wong.locator('[data-testid=viewer-overlay]', { hasText: '黃小明' }).waitFor();
      assert((await pdfText(wong)).includes('黃小明'), 'redrawn in Chinese, still stamped');
      await wong.waitForTimeout(300);
      await ctx.screenshot(wong, '36-doctor-viewer-zh-HK');

      // Back on the case, Dr Chan sees that Dr Wong opened it, once (the language switch fetched nothing new).
      await go(chan, `/case/${caseCode}`);
      await expectText(chan, 'opened-by', '已開啟: 黃小明');
      await ctx.screenshot(chan, '37-doctor-case-receipts-zh-HK');
    },
  },
];
