import { assert, expectText, expectVisible, type E2eTest } from '../harness.js';

export const shellTests: E2eTest[] = [
  {
    name: 'admin console loads antd only when opened; both languages; screenshots',
    async run({ newPage, screenshot }) {
      const { page } = await newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.goto('/app/');
      await page.getByTestId('demo-user-qmh-li-siufan').click();
      await page.getByTestId('inbox').waitFor();
      assert(!scripts.some((s) => s.includes('AdminConsole')), `admin chunk loaded too early: ${scripts.join(', ')}`);
      await page.goto('/app/admin');
      await page.getByTestId('admin-console').waitFor();
      assert(scripts.some((s) => s.includes('AdminConsole')), 'admin chunk loaded on demand');
      await expectVisible(page, 'Admin console');
      await screenshot(page, '09-admin-en');
      await page.getByTestId('lang-switch').click();
      await expectVisible(page, '管理控制台');
      await screenshot(page, '10-admin-zh-HK');
    },
  },
  {
    name: 'real DingTalk mode outside DingTalk: asks to open it in DingTalk (config answer stubbed in the browser)',
    async run({ newPage, screenshot }) {
      const { page } = await newPage({ locale: 'zh-HK' });
      // The service under test runs in sandbox mode; only this one answer is replaced to reach the page.
      await page.route('**/api/auth/config', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ mode: 'dingtalk', corpId: 'dingcorp', clientId: 'dingapp' }) }),
      );
      let demoUsersAsked = false;
      page.on('request', (r) => {
        if (r.url().includes('/api/sandbox/')) demoUsersAsked = true;
      });
      await page.goto('/app/');
      await page.getByTestId('open-in-dingtalk').waitFor();
      await expectVisible(page, '請在釘釘內開啟 ConsultBridge');
      await screenshot(page, '11-open-in-dingtalk-zh-HK');
      await page.getByTestId('lang-switch').click();
      await expectVisible(page, 'Open ConsultBridge in DingTalk');
      await screenshot(page, '12-open-in-dingtalk-en');
      assert(!demoUsersAsked, 'no sandbox route is called in DingTalk mode');
    },
  },
  {
    name: 'unknown app routes get the app (SPA fallback) and its not-found page; a missing asset is a 404',
    async run({ newPage, baseUrl }) {
      const { page } = await newPage({ locale: 'en-US' });
      await page.goto('/app/');
      await page.getByTestId('demo-user-qmh-chan-taiman').click();
      await page.getByTestId('inbox').waitFor();
      await page.goto('/app/no-such-screen');
      await expectVisible(page, 'This page does not exist.');
      const asset = await fetch(`${baseUrl}/app/assets/no-such-chunk.js`);
      assert(asset.status === 404, `missing asset status ${asset.status}`);
      await page.goto('/app/inbox');
      await expectText(page, 'tab-inbox', 'Inbox');
    },
  },
];
