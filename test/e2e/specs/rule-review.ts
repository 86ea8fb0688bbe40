import type { Page } from 'playwright-core';
import { assert, assertEqual, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { go } from './doctor-flow.js';

const PHARMACIST = 'qmh-tsang-kawai'; // 曾嘉慧 TSANG Ka-wai, the sandbox's pharmacist
const DOCTOR = 'qmh-lam-kaming'; // LAM Ka-ming (DingTalk in English, so the service answers in English): a doctor may not review rules
const ADMIN = 'qmh-cb-admin';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
const SIGN_OFF_RULE = 'onc01-amphetamines-maoi';
const DISABLE_RULE = 'onc02-atazanavir-ppi';

async function signIn(ctx: E2eContext, userId: string, locale: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${userId}`).click();
  await page.getByTestId('tab-me').waitFor();
  return page;
}

const filter = (page: Page, f: 'all' | 'not_reviewed' | 'reviewed' | 'disabled') => page.getByTestId(`rule-filter-${f}`).click();
const card = (page: Page, id: string) => page.getByTestId(`rule-${id}`);

async function shot(ctx: E2eContext, page: Page, name: string): Promise<void> {
  await page.locator('.adm-toast-mask').first().waitFor({ state: 'detached' });
  await ctx.screenshot(page, name);
}

export const ruleReviewTests: E2eTest[] = [
  {
    name: 'rule review: the pharmacist opens the rules from Me, signs one off, is told a reason is needed, disables one with a reason, re-enables it; phone and desktop, both languages; a doctor is refused; the console shows version and counts; screenshots',
    async run(ctx) {
      // Phone, English: from Me to the rules.
      const page = await signIn(ctx, PHARMACIST, 'en-US', PHONE);
      await page.getByTestId('tab-me').click();
      await page.getByTestId('open-rules').click();
      await page.getByTestId('rule-version').waitFor();
      await expectVisible(page, 'Rule set version 1.2.0');
      await expectVisible(page, 'support, and do not replace');
      await card(page, SIGN_OFF_RULE).getByTestId('rule-state').waitFor();
      await ctx.screenshot(page, 'rules-01-list-phone-en');

      await card(page, SIGN_OFF_RULE).getByTestId('rule-sign-off').click();
      await card(page, SIGN_OFF_RULE).waitFor({ state: 'detached' }); // left the "not reviewed" filter
      await filter(page, 'reviewed');
      await card(page, SIGN_OFF_RULE).getByText('Reviewed by TSANG Ka-wai').waitFor();
      assert(((await card(page, SIGN_OFF_RULE).textContent()) ?? '').includes('HKT'), 'the sign-off time is HK time');

      // Disable: without a reason the service refuses, in words, with what to do.
      await filter(page, 'not_reviewed');
      await card(page, DISABLE_RULE).getByTestId('rule-disable').click();
      await card(page, DISABLE_RULE).getByTestId('rule-confirm').click();
      await card(page, DISABLE_RULE).getByTestId('rule-error').getByText('Give a reason').waitFor();
      await shot(ctx, page, 'rules-02-reason-required-phone-en');
      await card(page, DISABLE_RULE).locator('textarea').fill('Covered by our local PPI protocol alert');
      await card(page, DISABLE_RULE).getByTestId('rule-confirm').click();
      await card(page, DISABLE_RULE).waitFor({ state: 'detached' });
      await filter(page, 'disabled');
      await card(page, DISABLE_RULE).getByText('Covered by our local PPI protocol alert').waitFor();
      await expectVisible(page, '1 disabled');
      await shot(ctx, page, 'rules-03-disabled-phone-en');

      // The same screen in Chinese.
      await page.getByTestId('lang-switch').click();
      await card(page, DISABLE_RULE).getByText('由 曾嘉慧').waitFor();
      await expectVisible(page, '規則集版本 1.2.0');
      await shot(ctx, page, 'rules-04-disabled-phone-zh-HK');

      // Desktop, Chinese then English: re-enable with a reason.
      const desk = await signIn(ctx, PHARMACIST, 'zh-HK', DESKTOP);
      await go(desk, '/doctor/rules');
      await filter(desk, 'disabled');
      await card(desk, DISABLE_RULE).getByTestId('rule-state').waitFor();
      await shot(ctx, desk, 'rules-05-disabled-desktop-zh-HK');
      await card(desk, DISABLE_RULE).getByTestId('rule-enable').click();
      await card(desk, DISABLE_RULE).locator('textarea').fill('本院指引已撤回');
      await card(desk, DISABLE_RULE).getByTestId('rule-confirm').click();
      await card(desk, DISABLE_RULE).waitFor({ state: 'detached' });
      await filter(desk, 'all');
      await card(desk, DISABLE_RULE).getByText('重新啟用').first().waitFor();
      await desk.getByTestId('lang-switch').click();
      await card(desk, DISABLE_RULE).getByText('Re-enabled by TSANG Ka-wai').waitFor();
      await filter(desk, 'reviewed');
      await card(desk, SIGN_OFF_RULE).getByTestId('rule-state').waitFor();
      await shot(ctx, desk, 'rules-06-reviewed-desktop-en');

      // A doctor: no link in Me, and the page itself says who may review and what to do.
      const doctor = await signIn(ctx, DOCTOR, 'en-US', PHONE);
      await doctor.getByTestId('tab-me').click();
      await doctor.getByTestId('me').waitFor();
      assertEqual(await doctor.getByTestId('open-rules').count(), 0, 'no rules link for a doctor');
      await go(doctor, '/doctor/rules');
      await doctor.getByTestId('error-title').getByText('Only pharmacists may review the interaction rules.').waitFor();
      await ctx.screenshot(doctor, 'rules-07-doctor-refused-phone-en');

      // The console (admin): version and counts, read-only.
      const admin = await signIn(ctx, ADMIN, 'en-US', DESKTOP);
      await go(admin, '/admin/policies');
      await admin.getByTestId('rule-set-version').getByText('1.2.0').waitFor();
      await admin.getByTestId('rule-set-counts').getByText('1 reviewed · 0 disabled').waitFor();
      await admin.getByTestId('rule-set-card').scrollIntoViewIfNeeded();
      await ctx.screenshot(admin, 'rules-08-console-desktop-en');
    },
  },
];
