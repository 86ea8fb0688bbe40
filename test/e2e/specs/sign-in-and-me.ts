import type { Page } from 'playwright-core';
import { assert, assertEqual, expectText, expectVisible, type E2eTest } from '../harness.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, verified cardiologist at Queen Mary Hospital
const LEE = 'hph-lee-meiling'; // 李美玲, not yet verified

async function pickDemoUser(page: Page, userId: string): Promise<void> {
  await page.getByTestId(`demo-user-${userId}`).click();
  // Signed in: the doctor shell appears on whatever route the address bar holds.
  await page.getByTestId('tab-me').waitFor();
}

/** What the page keeps on the device: only the language choice may be there, never a token. */
async function deviceStorage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string> }> {
  const json = await page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })');
  return JSON.parse(json as string) as { local: Record<string, string>; session: Record<string, string> };
}

export const signInTests: E2eTest[] = [
  {
    name: 'zh-HK browser: demo doctor signs in, sees their Chinese name, switches to English; screenshots',
    async run({ newPage, screenshot }) {
      const { page } = await newPage({ locale: 'zh-HK' });
      await page.goto('/app/');
      await page.getByTestId('demo-picker').waitFor();
      await expectVisible(page, '以此身分登入');
      await screenshot(page, '01-login-zh-HK');

      await pickDemoUser(page, CHAN);
      await page.getByTestId('inbox').waitFor();
      await expectVisible(page, '暫時沒有需要你處理的事項');
      await screenshot(page, '02-inbox-zh-HK');

      await page.getByTestId('tab-me').click();
      await page.waitForURL('**/app/me');
      await expectText(page, 'me-name', '陳大文');
      await expectText(page, 'badge', '✓ 已驗證');
      await expectVisible(page, '瑪麗醫院');
      await expectVisible(page, 'M12345');
      await screenshot(page, '03-me-zh-HK');

      const stored = await deviceStorage(page);
      assertEqual(JSON.stringify(stored.session), '{}', 'sessionStorage');
      for (const [k, v] of Object.entries(stored.local)) {
        assertEqual(k, 'consultbridge.lang', 'only the language is kept in localStorage');
        assert(!/eyJ/.test(v), 'no JWT in localStorage');
      }
      assert(!/token|code=/i.test(page.url()), `no token or code in the URL: ${page.url()}`);

      await page.getByTestId('lang-switch').click();
      await expectText(page, 'me-name', 'Dr CHAN Tai-man');
      await expectText(page, 'badge', '✓ Verified');
      await expectVisible(page, 'Queen Mary Hospital');
      assertEqual(await page.evaluate('document.documentElement.lang'), 'en', 'html lang');
      await screenshot(page, '04-me-en');

      await page.getByTestId('tab-inbox').click();
      await expectVisible(page, 'Nothing needs your attention right now.');
      await screenshot(page, '05-inbox-en');

      // A reload keeps the session (refresh cookie → new in-memory token) and the chosen language;
      // the deep link works because the server answers /app/me with the app.
      await page.goto('/app/me');
      await expectText(page, 'me-name', 'Dr CHAN Tai-man');
    },
  },
  {
    name: 'switching the demo user ends the login: the old session cannot be resumed by a reload',
    async run({ newPage }) {
      const { page } = await newPage({ locale: 'en-US' });
      await page.goto('/app/');
      await pickDemoUser(page, CHAN);
      await page.getByTestId('tab-me').click();
      await expectText(page, 'me-name', 'Dr CHAN Tai-man');
      await page.getByTestId('switch-user').click();
      await page.getByTestId('demo-picker').waitFor();
      await page.reload();
      await page.getByTestId('demo-picker').waitFor();
      await pickDemoUser(page, LEE);
      await page.getByTestId('tab-me').click();
      await expectText(page, 'me-name', 'Dr LEE Mei-ling');
      await expectText(page, 'badge', 'Not verified');
      await page.getByTestId('unverified-hint').waitFor();
    },
  },
  {
    name: 'en-US browser: the picker is in English; zh-HK after switching; screenshots',
    async run({ newPage, screenshot }) {
      const { page } = await newPage({ locale: 'en-US' });
      await page.goto('/app/');
      await page.getByTestId('demo-picker').waitFor();
      await expectVisible(page, 'Sign in as');
      await expectVisible(page, 'CHAN Tai-man');
      await screenshot(page, '06-login-en');
      await pickDemoUser(page, LEE);
      await page.getByTestId('tab-me').click();
      await expectText(page, 'me-name', 'Dr LEE Mei-ling');
      await screenshot(page, '07-me-unverified-en');
      await page.getByTestId('lang-switch').click();
      await expectText(page, 'me-name', '李美玲');
      await expectText(page, 'badge', '未驗證');
      await expectVisible(page, '海濱私家醫院');
      await screenshot(page, '08-me-unverified-zh-HK');
    },
  },
];
