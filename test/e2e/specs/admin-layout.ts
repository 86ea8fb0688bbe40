import type { Page } from 'playwright-core';
import { breakGlass, sharedAndViewed } from '../admin-data.js';
import { assert, assertEqual, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { viewFromApp } from './link-data.js';
import {
  ALL_SECTIONS, assertNoSidewaysScroll, assertReasonLabelsReadable, DESKTOP, goTo, menuSections, MENUS, openConsole, PHONE, settle, type ConsoleUser,
} from './admin-layout-data.js';

const ADMIN = 'qmh-cb-admin';
const OFFICER = 'qmh-li-siufan';
const AUDITOR = 'qmh-cheung-meiwah'; // a nurse in the demo org; the admin re-verifies her as the auditor below

/** Two clinicians off the care team try to open the report: their denials feed the dashboard's chart. */
async function deniedViews(baseUrl: string, documentId: string): Promise<void> {
  for (const user of ['hph-lee-meiling', AUDITOR]) {
    const refused = await viewFromApp(baseUrl, user, documentId).then(() => false, () => true);
    assert(refused, `${user} is refused the report`);
  }
}

/** The admin verifies Nurse Cheung again with the Auditor role, through the clinicians screen. */
export async function makeAuditor(page: Page): Promise<void> {
  await goTo(page, 'clinicians', false);
  await page.getByTestId(`verify-${AUDITOR}`).click();
  await page.getByTestId('verify-role').click();
  await page.locator('.ant-select-item-option', { hasText: /^Auditor$/ }).click();
  await page.getByTestId('verify-submit').click();
  await page.getByTestId('verify-submit').waitFor({ state: 'hidden' });
}

/** Every section of the role's menu, opened from the menu: the page never scrolls sideways. */
async function walkMenu(ctx: E2eContext, user: ConsoleUser, lang: 'en' | 'zh-HK', phone: boolean): Promise<Page> {
  const { page } = await ctx.newPage({ locale: lang === 'en' ? 'en-US' : 'zh-HK', viewport: phone ? PHONE : DESKTOP });
  await openConsole(page, user);
  const size = phone ? 'phone' : 'desktop';
  const offered = await menuSections(page, phone);
  assertEqual(offered.join(','), MENUS[user].join(','), `${user}'s menu on a ${size}`);
  for (const section of offered) {
    await goTo(page, section, phone);
    await assertNoSidewaysScroll(page, `${user} ${section} on a ${size} (${lang})`);
  }
  await goTo(page, offered[0]!, phone);
  await ctx.screenshot(page, `console-${size}-${user}-${lang}`);
  return page;
}

export const adminLayoutTests: E2eTest[] = [
  {
    name: 'admin console layout: each role’s menu lists only its sections, at 375×812 and 1280×800, with no sideways scroll; both languages',
    async run(ctx) {
      const scenario = await sharedAndViewed(ctx.baseUrl);
      await deniedViews(ctx.baseUrl, scenario.documentId);
      await breakGlass(ctx.baseUrl, scenario.caseCode);
      const setup = await ctx.newPage({ locale: 'en-US', viewport: DESKTOP });
      await openConsole(setup.page, ADMIN);
      await makeAuditor(setup.page);

      for (const user of [ADMIN, OFFICER, AUDITOR] as const) {
        for (const phone of [true, false]) await walkMenu(ctx, user, user === OFFICER ? 'zh-HK' : 'en', phone);
      }
      // A section outside the role's menu, typed into the address bar, is refused (the routes refuse it too).
      const auditor = await walkMenu(ctx, AUDITOR, 'zh-HK', true);
      for (const section of ALL_SECTIONS.filter((s) => !(MENUS[AUDITOR] as readonly string[]).includes(s))) {
        assertEqual(await auditor.getByTestId(`nav-${section}`).count(), 0, `the auditor is not offered ${section}`);
      }
      await auditor.evaluate(`history.pushState(null, '', '/app/admin/clinicians'); dispatchEvent(new PopStateEvent('popstate'))`);
      await auditor.getByTestId('admin-refused').waitFor();
      await assertNoSidewaysScroll(auditor, 'the refusal on a phone');
    },
  },
  {
    name: 'admin console layout: break-glass Approve/Flag only for the privacy officer; institution type required; denial chart readable on a phone; both languages',
    async run(ctx) {
      const { caseCode, documentId } = await sharedAndViewed(ctx.baseUrl);
      await deniedViews(ctx.baseUrl, documentId);
      await breakGlass(ctx.baseUrl, caseCode);

      // The admin reads the queue but is offered no review; the privacy officer is.
      const admin = (await ctx.newPage({ locale: 'en-US', viewport: PHONE })).page;
      await openConsole(admin, ADMIN);
      await goTo(admin, 'oversight', true);
      const rows = admin.getByTestId('bg-table').locator('tr.ant-table-row', { hasText: caseCode });
      await rows.first().waitFor();
      assertEqual(await admin.locator('[data-testid^="bg-approve-"], [data-testid^="bg-flag-"], [data-testid="bg-note"]').count(), 0, 'no Approve, Flag or note for the admin');
      await expectVisible(admin, 'Only a privacy officer reviews emergency access.');
      await assertNoSidewaysScroll(admin, 'break-glass queue, admin, phone');
      await ctx.screenshot(admin, 'console-phone-breakglass-admin-en');
      const officer = (await ctx.newPage({ locale: 'zh-HK', viewport: PHONE })).page;
      await openConsole(officer, OFFICER);
      await goTo(officer, 'oversight', true);
      await officer.getByTestId(`bg-approve-${caseCode}`).first().waitFor();
      assertEqual(await officer.getByTestId('bg-officer-only').count(), 0, 'no "only a privacy officer" note for the officer');
      await assertNoSidewaysScroll(officer, 'break-glass queue, officer, phone');
      await ctx.screenshot(officer, 'console-phone-breakglass-officer-zh-HK');

      // A new institution needs its type chosen: no silent "Private".
      await goTo(admin, 'institutions', true);
      await admin.getByTestId('inst-code').fill('TKO');
      await admin.getByTestId('inst-name-en').fill('Tseung Kwan O Hospital');
      await admin.getByTestId('inst-add').click();
      await expectVisible(admin, 'Choose public or private');
      assertEqual(await admin.getByTestId('inst-table').getByText('TKO').count(), 0, 'not added without a type');
      await ctx.screenshot(admin, 'console-phone-institution-type-required-en');
      await admin.getByTestId('inst-sector').click();
      await admin.locator('.ant-select-item-option', { hasText: /^Public$/ }).click();
      await admin.getByTestId('inst-add').click();
      await admin.getByTestId('inst-table').locator('tr', { hasText: 'TKO' }).getByText('Public').waitFor();
      await assertNoSidewaysScroll(admin, 'institutions, phone');

      // Denials by reason: labels in words, one row each, none overlapping or cut off, in both languages.
      for (const [page, lang, viewport] of [[admin, 'en', 'phone'], [admin, 'zh-HK', 'phone']] as const) {
        if (lang === 'zh-HK') await page.getByTestId('lang-switch').click();
        await goTo(page, 'dashboard', true);
        const labels = await assertReasonLabelsReadable(page, `denials chart (${lang}, ${viewport})`);
        assert(labels.every((l) => !/[_]/.test(l)), `labels are words, not codes: ${labels.join(' | ')}`);
        await assertNoSidewaysScroll(page, `dashboard (${lang}, ${viewport})`);
        await page.getByTestId('denials-by-reason').scrollIntoViewIfNeeded();
        await settle(page);
        await ctx.screenshot(page, `console-phone-dashboard-${lang}`);
      }
      const desktop = (await ctx.newPage({ locale: 'zh-HK', viewport: DESKTOP })).page;
      await openConsole(desktop, ADMIN);
      await goTo(desktop, 'dashboard', false);
      await assertReasonLabelsReadable(desktop, 'denials chart (zh-HK, desktop)');
      await ctx.screenshot(desktop, 'console-desktop-dashboard-zh-HK');
    },
  },
];
