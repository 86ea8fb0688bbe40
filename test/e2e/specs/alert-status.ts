import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { openAlert, seedAlert, setLanguage, waitDelivered } from './alert-status-data.js';
import { go } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文 raises the alert
const LAM = 'qmh-lam-kaming'; // 林嘉明, same department: in the alert group; opens it in the app (zh-HK)
const WONG = 'hph-wong-siuming'; // WONG Siu-ming, consulting: 1:1; does not open it

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

async function signInAt(ctx: E2eContext, userId: string, locale: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${userId}`).click();
  await page.getByTestId('inbox').waitFor();
  return page;
}

/** The raiser's delivery screen: one recipient opened, one delivered; in the page's language, then the other. */
async function statusScreens(ctx: E2eContext, page: Page, alertId: string, shot: string): Promise<void> {
  await go(page, `/alert/${alertId}`);
  await page.getByTestId('alert-recipient-opened').waitFor({ timeout: 15_000 });
  await page.getByTestId('alert-recipient-delivered').waitFor();
  await expectVisible(page, 'Opened');
  await expectVisible(page, 'Delivered');
  await expectVisible(page, '1 of 2 opened');
  assert(!(await page.content()).includes('Penicillin'), 'no allergy detail on the status screen');
  await ctx.screenshot(page, `${shot}-en`);
  await page.getByTestId('lang-switch').click();
  await expectVisible(page, '已開啟');
  await expectVisible(page, '已送達');
  await expectVisible(page, '2 人中 1 人已開啟');
  await ctx.screenshot(page, `${shot}-zh-HK`);
}

/**
 * The raiser's live status card in her 1:1 chat with the bot (sandbox chat), updated in place: `title`
 * names the card in its language, `opened` is the state word it must show by now.
 */
async function statusCardShot(ctx: E2eContext, caseCode: string, title: string, opened: string, viewport: { width: number; height: number }, shot: string): Promise<void> {
  const { page } = await ctx.newPage({ locale: shot.endsWith('-en') ? 'en-US' : 'zh-HK', viewport });
  await page.goto('/app/sandbox');
  await page.getByTestId('sandbox-chat').waitFor();
  await page.getByTestId(`chat-user-${CHAN}`).click();
  await page.getByTestId('chat-conv-bot').click();
  const card = page.locator('[data-testid=chat-card]', { hasText: title }).last();
  await card.waitFor({ timeout: 15_000 });
  await card.getByText(opened).first().waitFor({ timeout: 15_000 });
  assert(!((await card.textContent()) ?? '').includes('Penicillin'), 'no allergy detail on the status card');
  await card.scrollIntoViewIfNeeded();
  await ctx.screenshot(page, shot);
}

export const alertStatusTests: E2eTest[] = [
  {
    name: 'alert status: 陳大文 raises an allergy alert; 林嘉明 opens it (stamped with his name); the raiser sees delivered / opened per recipient, on the screen and on the live card in chat, phone and desktop, both languages; screenshots',
    async run(ctx: E2eContext) {
      const { caseCode, alertId } = await seedAlert(ctx.baseUrl, CHAN, [LAM, WONG], 'G271828(5)');
      await waitDelivered(ctx.baseUrl, CHAN, alertId, 2);

      // 林嘉明 opens the alert from his inbox: the text carries his watermark (name, role, HKT).
      const lam = await signInAt(ctx, LAM, 'zh-HK', PHONE);
      await lam.getByTestId(`alert-item-${caseCode}`).click(); // alerts are their own list in the inbox
      await lam.getByTestId('burn-text').waitFor();
      const mark = (await lam.getByTestId('burn-watermark-line').textContent()) ?? '';
      assert(/林嘉明/.test(mark) && /醫生/.test(mark) && /HKT/.test(mark), `the watermark names the viewer: ${mark}`);
      assert((await lam.getByTestId('burn-watermark').locator('span').count()) > 1, 'the watermark is tiled over the text');
      await ctx.screenshot(lam, '90-alert-burn-watermark-zh-HK');
      await openAlert(ctx.baseUrl, LAM, caseCode); // a re-open: no change

      const phone = await signInAt(ctx, CHAN, 'en-US', PHONE);
      await statusScreens(ctx, phone, alertId, '91-alert-status-phone');
      const desktop = await signInAt(ctx, CHAN, 'en-US', DESKTOP);
      await statusScreens(ctx, desktop, alertId, '92-alert-status-desktop');

      // The same in chat: the raiser's card 1:1, updated in place (Chinese; then English once he picks it in Me).
      await statusCardShot(ctx, caseCode, `過敏警示 · ${caseCode} · 送達狀態`, '已開啟', PHONE, '93-alert-status-card-phone-zh-HK');
      await statusCardShot(ctx, caseCode, `過敏警示 · ${caseCode} · 送達狀態`, '已開啟', DESKTOP, '94-alert-status-card-desktop-zh-HK');
      await setLanguage(ctx.baseUrl, CHAN, 'en');
      await statusCardShot(ctx, caseCode, `Allergy alert · ${caseCode} · delivery`, 'opened', PHONE, '93-alert-status-card-phone-en');
      await statusCardShot(ctx, caseCode, `Allergy alert · ${caseCode} · delivery`, 'opened', DESKTOP, '94-alert-status-card-desktop-en');

      // Nobody but the raiser sees it.
      const wong = await signInAt(ctx, WONG, 'en-US', PHONE);
      await go(wong, `/alert/${alertId}`);
      await wong.getByTestId('alert-status-error').waitFor();
      await expectVisible(wong, 'Only the clinician who raised this alert can see its delivery.');
    },
  },
];
