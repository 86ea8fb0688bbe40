import type { Page } from 'playwright-core';
import { hkDateTime } from '../../../src/shared/hk-time.js';
import { assert, assertEqual, expectVisible, type E2eContext } from '../harness.js';
import { DESKTOP, goTo, openConsole } from './admin-layout-data.js';
import { go } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Turns one wheel of the open date picker to `label` (a tap on the item, as a finger would). */
async function turn(page: Page, column: number, label: string): Promise<void> {
  const item = page.locator('.adm-picker-view-column').nth(column).locator('.adm-picker-view-column-item').filter({ hasText: new RegExp(`^${label}$`) });
  await item.dispatchEvent('click');
  await page.locator('.adm-picker-view-column').nth(column).locator('.adm-picker-view-column-item-active').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
}

/**
 * Sets action `i`'s due date to `day` (yyyy-mm-dd, an HK day) on the HK date wheel, in English: the
 * button then shows the day the HK way. Before that, the wheel opened in Chinese is screenshotted.
 */
export async function pickDueDate(ctx: E2eContext, page: Page, i: number, day: string): Promise<void> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const picker = page.locator('.adm-picker');
  await inLanguage(page, 'zh-HK');
  await page.getByTestId(`mdt-action-due-${i}`).click();
  await picker.locator('.adm-picker-view-column-item-active').filter({ hasText: /^\d+年$/ }).waitFor();
  await ctx.screenshot(page, 'mdt-10b-due-wheel-zh-HK');
  await picker.locator('.adm-picker-header-button').first().click(); // 取消
  await picker.waitFor({ state: 'hidden' });
  await inLanguage(page, 'en');
  await page.getByTestId(`mdt-action-due-${i}`).click();
  await turn(page, 0, String(y));
  await turn(page, 1, MONTHS_EN[m - 1]!);
  await turn(page, 2, String(d));
  await ctx.screenshot(page, 'mdt-10c-due-wheel-en');
  await picker.locator('.adm-picker-header-button').last().click(); // Confirm
  await picker.waitFor({ state: 'hidden' });
  assertEqual(((await page.getByTestId(`mdt-action-due-${i}`).textContent()) ?? '').trim(), day, 'the due date shown the HK way');
}

/** The case screen lists the meeting at its HK time with its stage; `detail` is what its line must also say. */
export async function caseMeetingLine(ctx: E2eContext, page: Page, caseCode: string, at: number, status: { en: string; zh: string }, detail: string | null, shot: string): Promise<void> {
  await go(page, `/case/${caseCode}`);
  const line = page.getByTestId('case-mdt-meeting').filter({ hasText: hkDateTime(at) });
  await line.waitFor();
  await line.getByTestId('case-mdt-status').filter({ hasText: status.en }).waitFor();
  if (detail) assert(((await line.textContent()) ?? '').includes(detail), `the meeting line says "${detail}": ${await line.textContent()}`);
  await line.scrollIntoViewIfNeeded();
  await assertNoUuid(page, `case screen MDT meetings (${shot})`);
  await bothSizes(ctx, page, `mdt-${shot}-case-en`);
  await inLanguage(page, 'zh-HK');
  await line.getByTestId('case-mdt-status').filter({ hasText: status.zh }).waitFor();
  await bothSizes(ctx, page, `mdt-${shot}-case-zh-HK`);
  await inLanguage(page, 'en');
  await line.click();
  await page.getByTestId('mdt-meeting').waitFor();
}

/**
 * The console's MDT page as the admin: the meeting waiting in sign-off is listed with its case code and
 * whom it waits on; with the threshold at 0 days it is highlighted as stuck; both languages, screenshots.
 */
export async function consoleMdtStep(ctx: E2eContext, caseCode: string, approver: string): Promise<void> {
  const { page } = await ctx.newPage({ locale: 'en-US', viewport: DESKTOP });
  await openConsole(page, 'qmh-cb-admin');
  await goTo(page, 'mdt', false);
  await page.getByTestId('mdt-status-filter').click();
  await page.locator('.ant-select-item-option', { hasText: 'In approval' }).click();
  const row = page.getByTestId('mdt-meetings').locator('tr', { hasText: caseCode });
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert(text.includes('step 1 of 2') && text.includes(approver), `the row says which step and whom it waits on: ${text}`);
  assert((await page.getByTestId('mdt-row-stuck').count()) === 0, 'nothing is stuck at 3 days');
  await page.locator('input[data-testid="mdt-stuck-days"], [data-testid="mdt-stuck-days"] input').first().fill('0');
  await page.getByTestId('mdt-row-stuck').filter({ hasText: caseCode }).waitFor();
  await expectVisible(page, 'Stuck > 0 days');
  await page.getByTestId('mdt-stuck-count').filter({ hasText: 'in approval for more than 0 days' }).waitFor();
  await assertNoUuid(page, 'console MDT page (en)');
  await bothSizes(ctx, page, 'mdt-console-en');
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('mdt-row-stuck').filter({ hasText: '第 1 步（共 2 步）' }).waitFor();
  await expectVisible(page, '滯留超過 0 日');
  await bothSizes(ctx, page, 'mdt-console-zh-HK');
  await page.getByTestId('lang-switch').click();
}
