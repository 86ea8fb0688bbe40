import type { Page } from 'playwright-core';
import { makePdf } from '../../fixtures/make-pdf.js';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { shareFromApp } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { UUID } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // attending
const LEE = 'hph-lee-meiling'; // not verified yet
const WONG = 'hph-wong-siuming'; // verified, not on the case
const RAW_CODE = /\b(actor\.unverified|access\.denied|document\.not_found|not_found|case\.not_found)\b/;
const SCREENS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } } as const;

/** The error screen now on the page: what happened, what to do; never the code, never a UUID. */
async function errorScreen(page: Page, testId: string): Promise<{ title: string; hint: string }> {
  const screen = page.getByTestId(testId);
  await screen.getByTestId('error-hint').waitFor();
  const title = (await screen.getByTestId('error-title').textContent()) ?? '';
  const hint = (await screen.getByTestId('error-hint').textContent()) ?? '';
  const body = await page.locator('body').innerText();
  assert(title.length > 3 && hint.length > 3, `an error screen says what happened and what to do: ${title} / ${hint}`);
  assert(!RAW_CODE.test(body), `no raw error code on screen: ${body}`);
  assert(!UUID.test(body), `no UUID on screen: ${body}`);
  return { title, hint };
}

/** Switches the UI language with the header button (saved as the preference) and waits for the save. */
async function switchLanguage(page: Page): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
  await page.getByTestId('lang-switch').first().click();
  assert((await saved).ok(), 'the language choice is saved');
}

/** Shows `route` on a phone and a desktop, in the current language, and saves both screenshots. */
async function bothScreens(ctx: E2eContext, page: Page, route: string, testId: string, name: string): Promise<{ title: string; hint: string }> {
  let words = { title: '', hint: '' };
  for (const [screen, size] of Object.entries(SCREENS)) {
    await page.setViewportSize(size);
    await go(page, '/me');
    await go(page, route);
    words = await errorScreen(page, testId);
    await ctx.screenshot(page, `${name}-${screen}`);
  }
  return words;
}

export const errorScreenTests: E2eTest[] = [
  {
    name: 'error screens: not verified, not on the case, no such document — each says what happened and what to do, in English and Chinese (the language chosen in the app, saved), phone and desktop, no codes or UUIDs; screenshots',
    async run(ctx: E2eContext) {
      const hkid = `E271828(${hkidCheckChar('E', '271828')})`;
      const caseCode = await seedCase(ctx.baseUrl, CHAN, hkid);
      const documentId = await shareFromApp(ctx.baseUrl, CHAN, caseCode, await makePdf({ pages: 1, text: 'Error screens (e2e)' }));

      // Dr Lee is not verified: opening a report says so and how to get verified — never "actor.unverified".
      const lee = await signIn(ctx, LEE, 'zh-HK');
      const zhUnverified = await bothScreens(ctx, lee, `/doc/${documentId}`, 'error-screen', '70-error-unverified-zh-HK');
      assert(zhUnverified.title.includes('驗證'), `Chinese: ${zhUnverified.title}`);
      await switchLanguage(lee);
      const enUnverified = await bothScreens(ctx, lee, `/doc/${documentId}`, 'error-screen', '71-error-unverified-en');
      assert(enUnverified.title.includes('not verified'), `English: ${enUnverified.title}`);
      assert(enUnverified.hint !== zhUnverified.hint, 'the hint follows the language');
      assert(enUnverified.hint.includes('registration number'), `the unverified screen's own hint: ${enUnverified.hint}`);

      // Dr Wong is not on the case: what to do names the care team, a request, and break-glass.
      const wong = await signIn(ctx, WONG, 'en-US');
      const enDenied = await bothScreens(ctx, wong, `/case/${caseCode}`, 'case-error', '72-error-not-on-case-en');
      assert(enDenied.hint.includes('break-glass'), `English hint: ${enDenied.hint}`);
      await switchLanguage(wong);
      const zhDenied = await bothScreens(ctx, wong, `/case/${caseCode}`, 'case-error', '73-error-not-on-case-zh-HK');
      assert(zhDenied.hint.includes('緊急存取'), `Chinese hint: ${zhDenied.hint}`);

      // A document that does not exist (or was removed).
      const gone = '00000000-0000-4000-8000-000000000000';
      const zhGone = await bothScreens(ctx, wong, `/doc/${gone}`, 'error-screen', '74-error-no-document-zh-HK');
      await switchLanguage(wong);
      const enGone = await bothScreens(ctx, wong, `/doc/${gone}`, 'error-screen', '75-error-no-document-en');
      assert(zhGone.title !== enGone.title, 'the no-document screen has both languages');
    },
  },
];
