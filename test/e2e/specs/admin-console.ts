import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { breakGlass, sharedAndViewed } from '../admin-data.js';
import { assert, assertEqual, expectText, expectVisible, type E2eTest } from '../harness.js';

const ADMIN = 'qmh-cb-admin'; // the sandbox's ConsultBridge admin at Queen Mary Hospital
const LEE = 'hph-lee-meiling'; // 李美玲, not yet verified, not on any care team
const OFFICER = 'qmh-li-siufan'; // 李小芬, the privacy officer: the only one who prepares identity reports
const DESKTOP = { width: 1280, height: 900 };

async function openConsole(page: Page, section: string, user = ADMIN): Promise<void> {
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${user}`).click();
  await page.getByTestId('tab-me').waitFor();
  await inApp(page, `/admin/${section}`);
  await page.getByTestId(`admin-section-${section}`).waitFor();
}

/**
 * Client-side navigation, as a link inside the app does it: a full reload would spend a refresh, and
 * the auth routes' per-IP rate limit is shared by every spec in the run.
 */
async function inApp(page: Page, route: string): Promise<void> {
  await page.evaluate(`history.pushState(null, '', '/app${route}'); dispatchEvent(new PopStateEvent('popstate'))`);
}

/** Screenshots after antd has finished loading spinners and dialog animations. */
async function shot(screenshot: (page: Page, name: string) => Promise<void>, page: Page, name: string): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(350);
  await screenshot(page, name);
}

/**
 * Types both ends of the team form's date range, as an admin would; with a time part antd wants
 * each end confirmed with the picker's OK button.
 */
export async function bookBetween(page: Page, start: string, end: string): Promise<void> {
  const inputs = page.getByTestId('case-team-form').locator('.ant-picker-input input');
  const ok = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button');
  await inputs.first().click();
  await inputs.first().fill(start);
  await ok.click();
  await inputs.nth(1).fill(end);
  await ok.click();
  assertEqual(await inputs.first().inputValue(), start, 'the booking start');
  assertEqual(await inputs.nth(1).inputValue(), end, 'the booking end');
}

async function go(page: Page, section: string): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
  await page.getByTestId(`admin-section-${section}`).waitFor();
}

export const adminTests: E2eTest[] = [
  {
    name: 'admin console: verify Dr Lee, explain her denial, verify the audit chain, look up a trace code, download a data access report; both languages',
    async run({ newPage, screenshot, baseUrl }) {
      const scenario = await sharedAndViewed(baseUrl);
      const { page } = await newPage({ locale: 'en-US', viewport: DESKTOP });
      await openConsole(page, 'clinicians');

      // Verify against the register: the dialog comes filled from the directory; the row turns green.
      await expectText(page, `status-${LEE}`, 'Not verified');
      await page.getByTestId(`verify-${LEE}`).click();
      await page.getByTestId('verify-registration').waitFor();
      assertEqual(await page.getByTestId('verify-registration').inputValue(), 'M56789', 'registration prefilled');
      await page.getByTestId('verify-specialty').fill('Cardiology');
      await shot(screenshot, page, 'admin-01-verify-dialog-en');
      await page.getByTestId('verify-submit').click();
      await expectText(page, `status-${LEE}`, 'Verified');
      await shot(screenshot, page, 'admin-02-clinicians-en');

      // Explain: Dr Lee is verified now but on no care team and holds no grant, so she is denied.
      await go(page, 'policies');
      await page.getByTestId('policy-validation').waitFor();
      await expectText(page, 'policy-validation', 'Valid');
      // Both picked from lists: the person by name, the document by its case's code.
      await page.getByTestId('explain-clinician').click();
      await page.keyboard.type('LEE Mei');
      await page.getByTestId(`explain-person-${LEE}`).click();
      await page.getByTestId('explain-document').click();
      await page.keyboard.type(scenario.caseCode.toLowerCase());
      const firstDoc = page.getByTestId('explain-doc-1');
      const offered = (await firstDoc.textContent()) ?? '';
      assert(offered.includes(scenario.caseCode) && offered.includes('Report') && offered.includes('PDF') && offered.includes('CHAN Tai-man'), `the document is named by case, kind, format and author: ${offered}`);
      assert(!offered.includes('CHAN Siu-wai') && !offered.includes('A123456'), 'no patient data in the document list');
      await firstDoc.click();
      await page.getByTestId('explain-run').click();
      await expectText(page, 'explain-decision', 'Denied');
      const reasons = (await page.getByTestId('explain-reasons').textContent()) ?? '';
      assert(reasons.trim().length > 0, 'the denial comes with reasons');
      await expectVisible(page, scenario.caseCode);
      await shot(screenshot, page, 'admin-03-explain-en');

      // The audit chain verifies; the trace code on Dr Wong's copy leads to his view.
      await go(page, 'audit');
      await page.getByTestId('audit-verify').click();
      await page.getByTestId('verify-result').waitFor();
      const verdict = (await page.getByTestId('verify-result').textContent()) ?? '';
      assert(verdict.includes('The log is intact'), `verify result: ${verdict}`);
      await page.getByTestId('trace-input').fill(scenario.traceCode.toLowerCase());
      await page.getByTestId('trace-lookup').click();
      await page.getByTestId('trace-result').waitFor();
      const traced = (await page.getByTestId('trace-result').textContent()) ?? '';
      assert(traced.includes('Document viewed') && traced.includes(scenario.traceCode) && traced.includes('Dr WONG Siu-ming'), `trace lookup names the viewer: ${traced}`);
      // The document by its type and case, never its id (issue 12).
      assert(traced.includes(`Report · ${scenario.caseCode}`) && !/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(traced), `trace lookup names the document: ${traced}`);
      await shot(screenshot, page, 'admin-04-audit-en');
      const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
      const bundle = JSON.parse(readFileSync((await exported.path())!, 'utf8')) as { resourceType: string; entry: Array<{ resource: { resourceType: string } }> };
      assertEqual(bundle.resourceType, 'Bundle', 'FHIR export');
      assert(bundle.entry.length > 10 && bundle.entry.every((e) => e.resource.resourceType === 'AuditEvent'), 'the export is AuditEvents');

      // The PDPO report decrypts patient identity: the privacy officer's alone, with a reason (the admin is not offered it).
      assertEqual(await page.getByTestId('nav-report').count(), 0, 'no data access report in the admin\'s menu');
      const officer = (await newPage({ locale: 'en-US', viewport: DESKTOP })).page;
      await openConsole(officer, 'report', OFFICER);
      await officer.getByTestId('report-value').fill(scenario.caseCode);
      const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('report-download').click()]);
      const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { kind: string; requestReceivedAt: string; dueBy: string; cases: Array<{ caseCode: string }>; accessLog: Array<{ action: string }> };
      assertEqual(report.kind, 'pdpo_data_access', 'report kind');
      assertEqual(report.cases[0]?.caseCode, scenario.caseCode, 'report case');
      assert(report.accessLog.some((e) => e.action === 'document.viewed'), 'the report lists the view');
      const days = (Date.parse(report.dueBy) - Date.parse(report.requestReceivedAt)) / 86_400_000;
      assertEqual(Math.round(days), 40, 'due 40 days after the request');
      await officer.getByTestId('report-due').waitFor();
      await shot(screenshot, officer, 'admin-05-report-en');

      // The same screens in Traditional Chinese.
      await officer.getByTestId('lang-switch').click();
      await expectVisible(officer, '《私隱條例》查閱資料要求');
      await shot(screenshot, officer, 'admin-06-report-zh-HK');
      await page.getByTestId('lang-switch').click();
      await go(page, 'clinicians');
      await expectText(page, `status-${LEE}`, '已驗證');
      await expectVisible(page, '李美玲');
      await shot(screenshot, page, 'admin-07-clinicians-zh-HK');
      await go(page, 'audit');
      await page.getByTestId('audit-verify').click();
      await expectVisible(page, '審計紀錄完整');
      await shot(screenshot, page, 'admin-08-audit-zh-HK');
      await go(page, 'policies');
      await expectText(page, 'policy-validation', '有效');
      await shot(screenshot, page, 'admin-09-policies-zh-HK');
    },
  },
  {
    name: 'admin console: the privacy officer reviews an emergency access with a note; admin sees outbox, institutions and dashboard; both languages',
    async run({ newPage, screenshot, baseUrl }) {
      const { caseCode } = await sharedAndViewed(baseUrl);
      await breakGlass(baseUrl, caseCode);
      const officer = await newPage({ locale: 'zh-HK', viewport: DESKTOP });
      await openConsole(officer.page, 'oversight', OFFICER);
      const queue = officer.page.getByTestId('bg-table');
      await officer.page.getByTestId(`bg-approve-${caseCode}`).waitFor();
      const pending = (await queue.textContent()) ?? '';
      assert(pending.includes('HO Wing-yee') && pending.includes('collapsed in A&E'), `the queue shows who and why: ${pending}`);
      await shot(screenshot, officer.page, 'admin-10-breakglass-zh-HK');
      await officer.page.getByTestId(`bg-approve-${caseCode}`).click();
      await officer.page.getByTestId('bg-note').fill('Checked with the A&E consultant: justified.');
      await officer.page.getByTestId('bg-review-submit').click();
      await officer.page.getByTestId(`bg-approve-${caseCode}`).waitFor({ state: 'detached' });
      await officer.page.getByTestId('bg-status-approved').click();
      await expectVisible(officer.page, 'Checked with the A&E consultant: justified.');
      await officer.page.getByTestId('lang-switch').click();
      await shot(screenshot, officer.page, 'admin-11-breakglass-reviewed-en');

      const { page } = await newPage({ locale: 'en-US', viewport: DESKTOP });
      await openConsole(page, 'dashboard');
      await expectVisible(page, 'Median approval turnaround (min)');
      await expectVisible(page, 'Data residency');
      assert(((await page.getByTestId('residency-region').textContent()) ?? '') === 'HK', 'the dashboard shows the declared region');
      await shot(screenshot, page, 'admin-12-dashboard-en');
      await go(page, 'outbox');
      await shot(screenshot, page, 'admin-13-outbox-en');
      await go(page, 'institutions');
      await expectVisible(page, 'Harbourside Private Hospital');
      await shot(screenshot, page, 'admin-14-institutions-en');
      await go(page, 'cases');
      await page.getByTestId('case-code').fill(caseCode);
      await page.getByTestId('case-lookup').click();
      await page.getByTestId('case-team').waitFor();
      const team = (await page.getByTestId('case-team').textContent()) ?? '';
      assert(team.includes('CHAN Tai-man') && team.includes('Attending'), `care team: ${team}`);
      // Bind a consult group from the console: it shows in the case's group list.
      await page.getByTestId('case-group-id').fill('cid-e2e-console-group');
      await page.getByTestId('case-group-bind').click();
      await page.getByTestId('case-groups').getByText('cid-e2e-console-group').waitFor();
      // Book Dr Wong as observer for later dates: listed as "Starts on …" although not in force yet.
      await page.getByTestId('case-team-clinician').click();
      await page.keyboard.type('WONG');
      // The picker asks the service as the admin types: the option comes with the answer.
      await page.locator('.ant-select-item-option', { hasText: 'WONG Siu-ming' }).click();
      await page.getByTestId('case-team-role').click();
      await page.locator('.ant-select-item-option', { hasText: 'Observer' }).click();
      await bookBetween(page, '2030-01-07 09:00:00', '2030-01-09 18:00:00');
      await page.getByTestId('case-team-save').click();
      const booked = page.getByTestId('case-team').locator('tr', { hasText: 'WONG Siu-ming' });
      const tag = (await booked.getByTestId('case-role-future').textContent()) ?? '';
      // The picker means HK time whatever the browser's zone (issue 12): 09:00 is 09:00 HKT, 18:00 is 18:00 HKT.
      assert(tag.startsWith('Starts on') && tag.includes('2030-01-07 09:00 HKT'), `a booked role says when it starts: ${tag}`);
      assert(((await booked.textContent()) ?? '').includes('2030-01-09 18:00 HKT'), 'and when it ends');
      await shot(screenshot, page, 'admin-16-case-team-en');
      // Call the booking off: the row stays, marked, and is greyed.
      await booked.getByTestId('case-role-cancel').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
      await booked.getByTestId('case-role-cancelled').waitFor();
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('case-team').locator('tr', { hasText: '黃小明' }).getByText('已取消').waitFor();
      await expectVisible(page, '生效中');
      await shot(screenshot, page, 'admin-17-case-team-zh-HK');
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('lang-switch').click();
      await go(page, 'dashboard');
      await expectVisible(page, '批核所需時間中位數（分鐘）');
      await expectVisible(page, '資料存放地區');
      await shot(screenshot, page, 'admin-15-dashboard-zh-HK');
    },
  },
  {
    name: 'admin console: a doctor signed in to the mini-app is refused console access',
    async run({ newPage }) {
      const { page } = await newPage({ locale: 'en-US', viewport: DESKTOP });
      await page.goto('/app/');
      await page.getByTestId('demo-user-qmh-chan-taiman').click();
      await page.getByTestId('tab-me').waitFor();
      await inApp(page, '/admin');
      await page.getByTestId('admin-refused').waitFor();
      await expectVisible(page, 'Your role may not use this section.');
    },
  },
];
