import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { actAsDingTalk, dingTalkUserAgent, simulatorAuthCode, type DingTalkPlatform, type DingTalkWebview } from '../dingtalk-webview.js';
import { assert, assertEqual, expectText, expectVisible, type E2eContext, type E2eTest } from '../harness.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, verified cardiologist at Queen Mary Hospital
const LAM = 'qmh-lam-kaming'; // LAM Ka-ming, verified cardiologist at Queen Mary Hospital
const PHONE = { width: 375, height: 812 };
const UNIFIED = 'runtime.permission.requestAuthCodeV2';

/**
 * The mini-app opened inside DingTalk's WebView: DingTalk's user agent, its native JSAPI bridge stubbed
 * (test/e2e/dingtalk-webview.ts), no demo picker. The page asks dd.requestAuthCode for a code, gets one
 * the simulator issued, and the server exchanges it through the DingTalk OpenAPI (the simulator).
 * The browser's own language is deliberately the other one: the UI must follow DingTalk's language.
 */
async function openInDingTalk(
  ctx: E2eContext,
  opts: { platform: DingTalkPlatform; dingtalkLanguage: string; browserLocale: string; userId: string },
): Promise<{ page: Page; webview: DingTalkWebview }> {
  const userAgent = dingTalkUserAgent(opts.platform, opts.dingtalkLanguage);
  const { context, page } = await ctx.newPage({ locale: opts.browserLocale, viewport: PHONE, userAgent });
  const webview = await actAsDingTalk(context, { platform: opts.platform, baseUrl: ctx.baseUrl, userId: opts.userId });
  return { page, webview };
}

/** The page asked the native bridge for a 免登 code with the app's corpId and clientId (from /api/auth/config). */
async function expectAuthCodeRequested(ctx: E2eContext, webview: DingTalkWebview, n: number): Promise<void> {
  const config = (await (await fetch(`${ctx.baseUrl}/api/auth/config`)).json()) as { corpId: string; clientId: string };
  assertEqual(webview.calls.length, n, 'JSAPI calls that reached the native bridge');
  for (const call of webview.calls) {
    assertEqual(call.method, UNIFIED, 'JSAPI method');
    assertEqual(call.params.corpId, config.corpId, 'corpId passed to requestAuthCode');
    assertEqual(call.params.clientId, config.clientId, 'clientId passed to requestAuthCode');
  }
}

async function expectRefused(page: Page, words: { title: string; body: string; retry: string }): Promise<void> {
  await page.getByTestId('login-error').waitFor();
  await expectVisible(page, words.title);
  await expectVisible(page, words.body);
  await expectVisible(page, words.retry);
  assertEqual(await page.getByTestId('inbox').count(), 0, 'no inbox behind a refused code');
  assertEqual(await page.getByTestId('demo-picker').count(), 0, 'no demo picker inside DingTalk');
}

const ZH_REFUSED = { title: '登入失敗', body: '釘釘的登入碼未被接受', retry: '再試一次' };
const EN_REFUSED = { title: 'Sign-in failed', body: 'DingTalk’s sign-in code was not accepted', retry: 'Try again' };

export const dingTalkSignInTests: E2eTest[] = [
  {
    name: 'DingTalk webview (Android, zh-HK): requestAuthCode → simulator code → inbox as 陳大文; a reused code is refused; screenshots',
    async run(ctx) {
      const { page, webview } = await openInDingTalk(ctx, { platform: 'android', dingtalkLanguage: 'zh-HK', browserLocale: 'en-US', userId: CHAN });
      await page.goto('/app/');
      await page.getByTestId('inbox').waitFor();
      await expectText(page, 'tab-inbox', '收件匣');
      assertEqual(await page.evaluate('document.documentElement.lang'), 'zh-HK', 'html lang follows DingTalk, not the browser');
      await expectAuthCodeRequested(ctx, webview, 1);
      await ctx.screenshot(page, 'dingtalk-01-inbox-zh-HK');

      await page.getByTestId('tab-me').click();
      await expectText(page, 'me-name', '陳大文');
      await expectVisible(page, '瑪麗醫院');
      await ctx.screenshot(page, 'dingtalk-02-me-zh-HK');

      // DingTalk reopens the page with a code that was already exchanged: refused, with words and a way out.
      const spent = webview.codes[0]!;
      webview.codeSource = () => Promise.resolve(spent);
      await page.reload();
      await expectRefused(page, ZH_REFUSED);
      await ctx.screenshot(page, 'dingtalk-03-reused-code-zh-HK');

      // Try again asks DingTalk for a new code, which works.
      webview.codeSource = () => simulatorAuthCode(ctx.baseUrl, CHAN);
      await page.getByRole('button', { name: ZH_REFUSED.retry }).click();
      await page.getByTestId('tab-me').waitFor();
      await expectText(page, 'me-name', '陳大文');
      assertEqual(webview.codes.length, 3, 'codes handed to the page');
      assert(webview.codes[2] !== spent, 'a new code after Try again');
    },
  },
  {
    name: 'DingTalk webview (iOS, en): requestAuthCode → simulator code → inbox as Dr LAM Ka-ming; screenshots',
    async run(ctx) {
      const { page, webview } = await openInDingTalk(ctx, { platform: 'ios', dingtalkLanguage: 'en-US', browserLocale: 'zh-HK', userId: LAM });
      await page.goto('/app/');
      await page.getByTestId('inbox').waitFor();
      await expectText(page, 'tab-inbox', 'Inbox');
      assertEqual(await page.evaluate('document.documentElement.lang'), 'en', 'html lang follows DingTalk, not the browser');
      await expectAuthCodeRequested(ctx, webview, 1);
      await ctx.screenshot(page, 'dingtalk-04-inbox-en');

      await page.getByTestId('tab-me').click();
      await expectText(page, 'me-name', 'Dr LAM Ka-ming');
      await expectVisible(page, 'Queen Mary Hospital');
      await ctx.screenshot(page, 'dingtalk-05-me-en');
      const url = page.url();
      assert(!/token|code=/i.test(url), `no token or code in the URL: ${url}`);
    },
  },
  {
    name: 'DingTalk webview: the clinician’s saved language beats DingTalk’s; a choice made on the device beats both',
    async run(ctx) {
      // LAM Ka-ming's directory entry says English; his DingTalk (and phone) are in Chinese.
      const { page, webview } = await openInDingTalk(ctx, { platform: 'android', dingtalkLanguage: 'zh-HK', browserLocale: 'zh-HK', userId: LAM });
      await page.goto('/app/');
      await page.getByTestId('inbox').waitFor();
      await expectText(page, 'tab-inbox', 'Inbox');
      assertEqual(await page.evaluate('document.documentElement.lang'), 'en', 'html lang follows the saved preference');
      await ctx.screenshot(page, 'dingtalk-07-saved-preference-en');

      await page.getByTestId('lang-switch').click();
      await expectText(page, 'tab-inbox', '收件匣');
      await page.reload(); // DingTalk reopens the page: a new code, the device's choice kept
      await page.getByTestId('inbox').waitFor();
      await expectText(page, 'tab-inbox', '收件匣');
      assertEqual(webview.codes.length, 2, 'a fresh code per opening');
    },
  },
  {
    name: 'DingTalk webview: an old client without the unified API signs in through the classic one; a cancelled request gets a clear screen',
    async run(ctx) {
      const { page, webview } = await openInDingTalk(ctx, { platform: 'ios', dingtalkLanguage: 'en-US', browserLocale: 'en-US', userId: LAM });
      webview.refuse.set(UNIFIED, { errorCode: '1', errorMessage: 'API not exist' });
      await page.goto('/app/');
      await page.getByTestId('inbox').waitFor();
      assertEqual(webview.calls.map((c) => c.method).join(' '), `${UNIFIED} runtime.permission.requestAuthCode`, 'unified, then classic');

      webview.refuse.set('runtime.permission.requestAuthCode', { errorCode: '-1', errorMessage: 'cancelled' });
      await page.reload();
      await page.getByTestId('login-error').waitFor();
      await expectVisible(page, 'DingTalk did not sign you in');
      assertEqual(await page.getByTestId('inbox').count(), 0, 'no inbox without a code');
      await ctx.screenshot(page, 'dingtalk-08-no-code-en');
    },
  },
  {
    name: 'DingTalk webview: a forged auth code is refused with a clear screen, in both languages; screenshots',
    async run(ctx) {
      for (const [lang, words, platform] of [['zh-HK', ZH_REFUSED, 'android'], ['en-US', EN_REFUSED, 'ios']] as const) {
        const { page, webview } = await openInDingTalk(ctx, { platform, dingtalkLanguage: lang, browserLocale: lang, userId: CHAN });
        // Shaped like a real one (32 hex digits), but DingTalk never issued it.
        webview.codeSource = () => Promise.resolve(randomBytes(16).toString('hex'));
        await page.goto('/app/');
        await expectRefused(page, words);
        await expectAuthCodeRequested(ctx, webview, 1);
        await ctx.screenshot(page, `dingtalk-06-forged-code-${lang}`);
      }
    },
  },
];
