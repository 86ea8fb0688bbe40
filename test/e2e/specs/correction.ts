import type { Page } from 'playwright-core';
import { makePdf } from '../../fixtures/make-pdf.js';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { appToken, shareFromApp } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending: shares a report to the wrong case, retracts and re-files it
const ADMIN = 'qmh-cb-admin';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

/** A new group in the sandbox chat (a group binds one case). */
async function newGroup(baseUrl: string, title: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/sandbox/chat/groups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, CHAN)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: CHAN, title, memberIds: [] }),
  });
  if (!res.ok) throw new Error(`group: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const hkid = (letter: string, digits: string) => `${letter}${digits}(${hkidCheckChar(letter, digits)})`;

async function openConsole(ctx: E2eContext, locale: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${ADMIN}`).click();
  await page.getByTestId('tab-me').waitFor();
  await page.evaluate(`history.pushState(null, '', '/app/admin/clinicians'); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.getByTestId('admin-section-clinicians').waitFor();
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
}

const csv = (tag: string) =>
  [
    'dingtalk_user_id,display_name,name_en,name_zh,role,specialty,institution_code,registration_no',
    `e2e-${tag}-1,Dr E2E One,Dr E2E One,測試一,doctor,Cardiology,QMH,${tag === 'en' ? 'M45671' : 'M56781'}`,
    `e2e-${tag}-2,Dr Nowhere,,,doctor,,NOPE,M9999${tag === 'en' ? 1 : 2}`,
    `e2e-${tag}-3,Dr Bad Number,,,doctor,,QMH,X12`,
    `${CHAN},Dr Chan again,,,doctor,,QMH,M1239${tag === 'en' ? 1 : 2}`,
  ].join('\n');

export const correctionTests: E2eTest[] = [
  {
    name: 'correction: bulk clinician import with a dry run (per-row report) then import, and the plain manual register-check wording; desktop English, phone Chinese; screenshots',
    async run(ctx) {
      const page = await openConsole(ctx, 'en-US', DESKTOP);
      await page.getByTestId('import-csv').fill(csv('en'));
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-summary').waitFor();
      assert((await page.getByTestId('import-summary').textContent())?.includes('Nothing was changed') === true, 'the dry run says nothing changed');
      assert((await page.getByTestId('import-row-3').textContent())?.includes('unknown institution') === true, 'row 3: unknown institution');
      assert((await page.getByTestId('import-row-4').textContent())?.includes('registration number format') === true, 'row 4: bad MCHK number');
      assert((await page.getByTestId('import-row-5').textContent())?.includes('already in the directory') === true, 'row 5: duplicate');
      await page.getByTestId('clinician-import').scrollIntoViewIfNeeded();
      await settle(page);
      await ctx.screenshot(page, '70-import-dry-run-en-desktop');
      await page.getByTestId('import-run').click();
      await page.locator('[data-testid=import-summary]', { hasText: 'Imported 1 rows' }).waitFor();
      await settle(page);
      await ctx.screenshot(page, '71-import-done-en-desktop');
      await page.getByTestId('verify-e2e-en-1').click();
      await page.getByTestId('register-manual').waitFor();
      await settle(page);
      await ctx.screenshot(page, '72-register-check-manual-en-desktop');

      const phone = await openConsole(ctx, 'zh-HK', PHONE);
      await phone.getByTestId('import-csv').fill(csv('zh'));
      await phone.getByTestId('import-dry-run').click();
      await phone.locator('[data-testid=import-summary]', { hasText: '沒有作出任何更改' }).waitFor();
      assert((await phone.getByTestId('import-row-3').textContent())?.includes('未知醫療機構代碼') === true, 'row 3 in Chinese');
      await phone.getByTestId('clinician-import').scrollIntoViewIfNeeded();
      await settle(phone);
      await ctx.screenshot(phone, '73-import-dry-run-zh-HK-phone');
      await phone.getByTestId('verify-qmh-chan-taiman').click();
      await phone.getByTestId('register-lookup').click();
      await phone.getByTestId('register-answer').waitFor();
      await settle(phone);
      await ctx.screenshot(phone, '74-register-lookup-zh-HK-phone');
    },
  },
  {
    name: 'correction: the sharer retracts a report from the wrong case (views end) and re-files it to the right one; phone English, desktop Chinese; screenshots',
    async run(ctx) {
      const wrongCase = await seedCase(ctx.baseUrl, CHAN, hkid('E', '271828'), await newGroup(ctx.baseUrl, 'Wrong case e2e'));
      const rightCase = await seedCase(ctx.baseUrl, CHAN, hkid('F', '161803'), await newGroup(ctx.baseUrl, 'Right case e2e'));
      const documentId = await shareFromApp(ctx.baseUrl, CHAN, wrongCase, await makePdf({ pages: 1, text: 'Wrong patient report (e2e)' }));

      const phone = await signIn(ctx, CHAN, 'en-US');
      await phone.setViewportSize(PHONE);
      await go(phone, `/doc/${documentId}`);
      await phone.getByTestId('correction-panel').waitFor();
      await ctx.screenshot(phone, '75-correction-panel-en-phone');
      await phone.getByTestId('retract').click();
      await phone.locator('.adm-dialog-footer button, .adm-dialog-button').last().click();
      await phone.getByTestId('correction-done').waitFor();
      const token = await fetch(`${ctx.baseUrl}/api/app/documents/${documentId}/view-token`, { method: 'POST', headers: { authorization: `Bearer ${await appToken(ctx.baseUrl, CHAN)}` } });
      assert(token.status === 410, `no view after retraction (got ${token.status})`);
      await ctx.screenshot(phone, '76-retracted-en-phone');

      const desk = await signIn(ctx, CHAN, 'zh-HK');
      await desk.setViewportSize(DESKTOP);
      await go(desk, `/doc/${documentId}`);
      await desk.getByTestId('correction-panel').waitFor();
      await desk.getByTestId('refile-code').locator('input').fill(rightCase);
      await desk.getByTestId('refile').click();
      await desk.locator('[data-testid=correction-done]', { hasText: rightCase }).waitFor();
      await ctx.screenshot(desk, '77-refiled-zh-HK-desktop');
    },
  },
];
