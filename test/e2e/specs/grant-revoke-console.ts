import type { Page } from 'playwright-core';
import { sharedAndViewed } from '../admin-data.js';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { appToken } from './compose-data.js';

const OFFICER = 'qmh-li-siufan'; // 李小芬, the privacy officer: the only one who revokes from the console
const WONG = 'hph-wong-siuming'; // WONG Siu-ming: approved for the report in the shared scenario
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

async function openOversight(ctx: E2eContext, locale: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${OFFICER}`).click();
  await page.getByTestId('tab-me').waitFor();
  // Client-side navigation, as a link inside the app does it (a reload would spend a sign-in refresh).
  await page.evaluate(`history.pushState(null, '', '/app/admin/oversight'); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.getByTestId('grants-card').waitFor();
  return page;
}

/** After antd's spinners and dialog animations, the live grants card in view. */
async function settle(page: Page): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter').first().waitFor({ state: 'detached' });
  await page.getByTestId('grants-card').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
}

const wongRow = (page: Page) => page.getByTestId('grants-table').locator('tr', { hasText: 'WONG Siu-ming' });

/** Dr Wong asks for a view of the report now: the status the mini-app would get. */
async function wongViewStatus(baseUrl: string, documentId: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/app/documents/${documentId}/view-token`, { method: 'POST', headers: { authorization: `Bearer ${await appToken(baseUrl, WONG)}` } });
  return res.status;
}

export const grantRevokeConsoleTests: E2eTest[] = [
  {
    name: 'console [Revoke]: the privacy officer lists live grants (names, case, document type, purpose, HKT expiry, approver), revokes Dr Wong’s with a reason after a confirm, and his view is refused; both languages, phone and desktop; screenshots',
    async run(ctx: E2eContext) {
      const { caseCode, documentId } = await sharedAndViewed(ctx.baseUrl);
      assert((await wongViewStatus(ctx.baseUrl, documentId)) === 200, 'Dr Wong may view before the revoke');

      // Chinese, on a phone: the list in words, and the confirm dialog with its reasons (then cancelled).
      const phone = await openOversight(ctx, 'zh-HK', PHONE);
      await wongRow(phone).waitFor();
      const zhRow = (await wongRow(phone).textContent()) ?? '';
      for (const words of [caseCode, '報告', '持續護理', 'HKT', 'CHAN Tai-man']) assert(zhRow.includes(words), `the Chinese row shows ${words}: ${zhRow}`);
      await settle(phone);
      await ctx.screenshot(phone, 'console-grants-zh-HK-phone');
      await wongRow(phone).getByTestId('grant-revoke').click();
      await phone.getByTestId('revoke-reason-no_longer_needed').waitFor();
      assert(await phone.getByTestId('grant-revoke-submit').isDisabled(), 'no revoke before a reason is chosen');
      await settle(phone);
      await ctx.screenshot(phone, 'console-grant-revoke-confirm-zh-HK-phone');
      await phone.keyboard.press('Escape');

      // English, on a desktop: pick a reason, confirm; the row goes and Dr Wong's next view is refused.
      const desk = await openOversight(ctx, 'en-US', DESKTOP);
      await wongRow(desk).waitFor();
      const enRow = (await wongRow(desk).textContent()) ?? '';
      for (const words of [caseCode, 'Report', 'Continuing care', 'HKT']) assert(enRow.includes(words), `the English row shows ${words}: ${enRow}`);
      await settle(desk);
      await ctx.screenshot(desk, 'console-grants-en-desktop');
      await wongRow(desk).getByTestId('grant-revoke').click();
      await desk.getByTestId('revoke-reason-wrong_person').click();
      await settle(desk);
      await ctx.screenshot(desk, 'console-grant-revoke-confirm-en-desktop');
      await desk.getByTestId('grant-revoke-submit').click();
      await wongRow(desk).waitFor({ state: 'detached' });
      assert((await wongViewStatus(ctx.baseUrl, documentId)) === 403, 'Dr Wong’s view is refused after the revoke');
      await settle(desk);
      await ctx.screenshot(desk, 'console-grant-revoked-en-desktop');

      // After, the other two: English on a phone, Chinese on a desktop (the list no longer has his grant).
      await desk.setViewportSize(PHONE);
      await settle(desk);
      await ctx.screenshot(desk, 'console-grant-revoked-en-phone');
      await desk.getByTestId('lang-switch').click();
      await desk.setViewportSize(DESKTOP);
      await desk.getByText('有效的存取授權').waitFor();
      await settle(desk);
      assert((await wongRow(desk).count()) === 0, 'gone from the list');
      await ctx.screenshot(desk, 'console-grant-revoked-zh-HK-desktop');
    },
  },
];
