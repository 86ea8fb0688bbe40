import type { Page } from 'playwright-core';
import { hkCsvTime } from '../../../src/shared/hk-wall-clock.js';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { assertNoSidewaysScroll, DESKTOP, goTo, openConsole, PHONE, settle } from './admin-layout-data.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const ADMIN = 'qmh-cb-admin';

/** The Rosters page on HPH cardiology (the sandbox's demo roster). */
async function openHphCardiology(page: Page): Promise<void> {
  await goTo(page, 'rosters', false);
  await page.getByTestId('roster-institution').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'HPH' }).first().click();
  await page.getByTestId('roster-shift').first().waitFor();
  await settle(page);
}

async function calendarText(page: Page): Promise<string> {
  return (await page.getByTestId('roster-calendar').textContent()) ?? '';
}

export const rosterTests: E2eTest[] = [
  {
    name: 'rosters: the admin opens HPH cardiology (the demo roster) as a week calendar in HKT, in both languages, on a desktop and a phone; covers a shift (it splits), swaps two, imports a CSV with a bad row (nothing imported, the row’s problem shown); no id on screen; screenshots',
    async run(ctx: E2eContext) {
      const { page } = await ctx.newPage({ locale: 'en-US', viewport: DESKTOP });
      await openConsole(page, ADMIN);
      await inLanguage(page, 'en');
      await openHphCardiology(page);
      let text = await calendarText(page);
      assert(text.includes('First call') && text.includes('Second call'), 'the calendar has a row per call level');
      assert(text.includes('吳志豪 Dr NG Chi-ho') && text.includes('郭偉倫 Dr KWOK Wai-lun'), 'first and second call by name');
      assert(text.includes('08:00 HKT'), 'shifts in HK time');
      await assertNoUuid(page, 'rosters (en)');
      await bothSizes(ctx, page, 'rosters-week-en');

      // Cover the first first-call shift shown, 12:00–14:00 of its first day: it becomes three pieces.
      // (a shift that starts inside the week shown: the week's first cell may hold one from the Sunday before)
      const weekFrom = hkCsvTime(Date.now()).slice(0, 10) + ' 00:00';
      const startsList = await page.locator('[data-testid="roster-shift"][data-level="first"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-starts') ?? ''));
      const chosen = startsList.find((iso) => hkCsvTime(Date.parse(iso)) >= weekFrom) ?? startsList[0]!;
      const firstShift = page.locator(`[data-testid="roster-shift"][data-level="first"][data-starts="${chosen}"]`).first();
      await firstShift.getByTestId('roster-cover').click();
      const form = page.getByTestId('roster-cover-form');
      await form.waitFor();
      // The picker searches the directory on the service as the admin types (part of the Chinese name here).
      await form.getByTestId('roster-cover-clinician').click();
      const searched = page.waitForResponse((r) => r.url().includes('/api/admin/clinicians?') && new URL(r.url()).searchParams.get('q') === '楊淑');
      await page.keyboard.type('楊淑');
      await searched;
      await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map((o) => o.textContent ?? '');
        return shown.length === 1 && shown[0]!.includes('YEUNG Suk-yee');
      });
      await page.locator('.ant-select-item-option').filter({ hasText: 'YEUNG Suk-yee' }).first().click();
      const starts = await firstShift.getAttribute('data-starts');
      assert(starts, 'the shift carries its start');
      const date = hkCsvTime(Date.parse(starts!)).slice(0, 10); // the shift's first HK day (it starts 08:00)
      await form.getByTestId('roster-cover-from').fill(`${date} 12:00`);
      await form.getByTestId('roster-cover-to').fill(`${date} 14:00`);
      await form.getByTestId('roster-cover-save').click();
      await page.getByTestId('roster-saved').waitFor();
      await page.getByTestId('roster-calendar').getByText('楊淑儀 Dr YEUNG Suk-yee').first().waitFor(); // the week reloads after the save
      text = await calendarText(page);
      assert(text.includes(`${date.slice(5)} 12:00 → 14:00`), 'the cover is its own piece, 12:00 → 14:00');

      // Swap first and second call of a later day: tick both, swap; the names change rows.
      const later = page.locator('[data-testid="roster-shift"][data-level="second"]').last();
      const laterStart = (await later.getAttribute('data-starts'))!;
      const pair = (level: string) => page.locator(`[data-testid="roster-shift"][data-level="${level}"][data-starts="${laterStart}"]`).first();
      assert(((await pair('first').textContent()) ?? '').includes('NG Chi-ho'), 'first call that day is Dr NG');
      await pair('first').getByTestId('roster-pick').click();
      await pair('second').getByTestId('roster-pick').click();
      await page.getByTestId('roster-swap').click();
      await page.getByTestId('roster-saved').waitFor();
      await pair('first').getByText('KWOK Wai-lun').waitFor(); // after the swap Dr KWOK is first call that day

      // CSV: a bad row refuses the whole file, with the row's problem in words.
      await page.getByTestId('roster-csv-text').fill('institution,specialty,level,clinician,start,end\nHPH,cardiology,first,nobody,2031-01-01 08:00,2031-01-01 20:00\n');
      await page.getByTestId('roster-import').click();
      await page.getByTestId('roster-import-summary').getByText('Nothing was imported').waitFor();
      await page.getByTestId('roster-import-row-2').getByText('unknown clinician').waitFor();
      await page.getByTestId('roster-csv').scrollIntoViewIfNeeded();
      await ctx.screenshot(page, 'rosters-import-errors-desktop-en');

      // Chinese: the same week in words of the reader's language.
      await page.getByTestId('roster-csv-text').fill('');
      await inLanguage(page, 'zh-HK');
      await settle(page);
      text = await calendarText(page);
      assert(text.includes('第一當值') && text.includes('第二當值'), 'call levels in Chinese');
      await page.getByText('當值表設定').waitFor();
      await assertNoUuid(page, 'rosters (zh-HK)');
      await page.getByTestId('roster-calendar').scrollIntoViewIfNeeded();
      await bothSizes(ctx, page, 'rosters-week-zh');
      // The console switches to its phone layout when the window narrows (a menu button replaces the side bar);
      // wait for that switch, then for the page to fit, and name what sticks out if it never does.
      await page.setViewportSize(PHONE);
      await page.getByTestId('admin-menu-button').waitFor();
      await settle(page);
      await page.waitForFunction(() => document.scrollingElement!.scrollWidth <= window.innerWidth, undefined, { timeout: 5_000 }).catch(() => undefined);
      await assertNoSidewaysScroll(page, 'rosters on a phone (the calendar scrolls inside its card)');
    },
  },
];
