import type { Page } from 'playwright-core';
import { sharedAndViewed } from '../admin-data.js';
import { assert, assertEqual, type E2eContext, type E2eTest } from '../harness.js';
import { DESKTOP, goTo, openConsole } from './admin-layout-data.js';
import { bothSizes } from './no-uuid-data.js';
import { bookBetween } from './admin-console.js';

const ADMIN = 'qmh-cb-admin';
type RosterAnswer = { roles: Array<{ nameEn: string; status: string; effectiveFrom: string; effectiveTo: string | null }> };

/**
 * The admin books Dr Wong onto the case team (looked up already) from `start` to `end` (typed as an
 * admin would, on the picker's clock), and returns the roster the console reloads after saving: what the service stored.
 */
async function bookWong(page: Page, caseCode: string, start: string, end: string): Promise<RosterAnswer> {
  await page.getByTestId('case-team-clinician').click();
  await page.keyboard.type('WONG');
  // The picker asks the service as the admin types: the option comes with the answer.
  await page.locator('.ant-select-item-option', { hasText: 'WONG Siu-ming' }).click();
  await page.getByTestId('case-team-role').click();
  await page.locator('.ant-select-item-option', { hasText: 'Observer' }).click();
  await bookBetween(page, start, end);
  const reloaded = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseCode}/roles`) && r.request().method() === 'GET');
  await page.getByTestId('case-team-save').click();
  return (await (await reloaded).json()) as RosterAnswer;
}

/** One browser time zone: 09:00 picked is 09:00 HKT stored (01:00Z) and shown, in both languages; screenshots. */
async function inZone(ctx: E2eContext, caseCode: string, timezoneId: string, day: string, tag: string): Promise<void> {
  const { page } = await ctx.newPage({ locale: 'en-US', viewport: DESKTOP, timezoneId });
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  assertEqual(zone, timezoneId, 'the browser runs in the time zone under test');
  await openConsole(page, ADMIN);
  await goTo(page, 'cases', false);
  await page.getByTestId('case-code').fill(caseCode);
  await page.getByTestId('case-lookup').click();
  await page.getByTestId('case-team').waitFor();
  const label = (await page.getByTestId('case-team-form').textContent()) ?? '';
  assert(label.includes('HKT'), `the booking form says its times are HK time: ${label}`);

  const roster = await bookWong(page, caseCode, `${day} 09:00:00`, `${day} 18:00:00`);
  const stored = roster.roles.find((r) => r.nameEn.includes('WONG') && r.effectiveFrom.startsWith(day));
  assert(stored, `the booking on ${day} is stored: ${JSON.stringify(roster.roles)}`);
  assertEqual(stored.effectiveFrom, `${day}T01:00:00.000Z`, `09:00 picked in a ${timezoneId} browser is stored as 09:00 HKT`);
  assertEqual(stored.effectiveTo, `${day}T10:00:00.000Z`, `18:00 picked in a ${timezoneId} browser is stored as 18:00 HKT`);

  const row = page.getByTestId('case-team').locator('tr', { hasText: `${day} 09:00 HKT` });
  await row.getByTestId('case-role-future').waitFor();
  const shown = (await row.textContent()) ?? '';
  assert(shown.includes(`${day} 09:00 HKT`) && shown.includes(`${day} 18:00 HKT`), `the roster shows the booking in HK time: ${shown}`);
  await bothSizes(ctx, page, `console-case-team-booked-${tag}-en`);

  await page.getByTestId('lang-switch').click();
  await page.getByTestId('case-team').locator('tr', { hasText: `${day} 09:00 HKT` }).getByText('開始於', { exact: false }).waitFor();
  await bothSizes(ctx, page, `console-case-team-booked-${tag}-zh-HK`);
  await page.getByTestId('lang-switch').click();
}

export const hkTimePickerTests: E2eTest[] = [
  {
    name: 'HK time picker: booking onto a case team at 09:00 stores and shows 09:00 HKT, in a UTC browser and in a Hong Kong browser; both languages, phone and desktop',
    async run(ctx) {
      const { caseCode } = await sharedAndViewed(ctx.baseUrl);
      await inZone(ctx, caseCode, 'UTC', '2030-03-04', 'utc-browser');
      await inZone(ctx, caseCode, 'Asia/Hong_Kong', '2030-03-05', 'hk-browser');
    },
  },
];
