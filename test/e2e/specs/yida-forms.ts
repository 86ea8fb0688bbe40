import type { Page } from 'playwright-core';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // opens the case (attending)
const ADMIN = 'qmh-cb-admin'; // maps forms in the console
const HKID = 'Y482915(6)';

/** The sandbox's Yida plays a form submit: the simulator POSTs the callback to the service with its secret. */
async function submitForm(baseUrl: string, variant: 'mapped' | 'unmapped', hkid: string): Promise<number> {
  const res = await fetch(`${baseUrl}/sandbox/yida/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hkid, variant }) });
  if (!res.ok) throw new Error(`/sandbox/yida/submit: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { status: number }).status;
}

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openConsole(ctx: E2eContext, locale: string): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport: { width: 1280, height: 800 } });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${ADMIN}`).click();
  await page.getByTestId('tab-me').waitFor();
  await go(page, '/admin/forms');
  await page.getByTestId('forms-submissions').waitFor();
  return page;
}

const waitingRow = (page: Page) => page.getByTestId('forms-submissions').locator('tr', { hasText: 'FORM-SANDBOXNURSING02' });

export const yidaFormTests: E2eTest[] = [
  {
    name: 'Yida forms: a mapped demo form submitted in the sandbox is filed to 陳大文’s case (Form · Cardiology referral); an unmapped one waits in the console (reason in words), an admin maps it in the Forms page (the attending approves) and retries it; the attending finds it and a second one in his inbox, approves one (filed to the case) and returns the other with a reason (back in the console, saying so); both languages, phone and desktop, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const caseCode = await seedCase(ctx.baseUrl, CHAN, HKID);
      assert((await submitForm(ctx.baseUrl, 'mapped', HKID)) === 202, 'the callback is accepted');
      assert((await submitForm(ctx.baseUrl, 'unmapped', HKID)) === 202, 'the unmapped callback is accepted (kept)');

      // The doctor's case screen: the filed form among the documents, in words, both languages.
      const doc = await signIn(ctx, CHAN, 'en-US');
      await inLanguage(doc, 'en');
      await go(doc, `/case/${caseCode}`);
      const formRow = doc.getByTestId('case-document').filter({ hasText: 'Cardiology referral' });
      await until(async () => {
        if ((await formRow.count()) > 0) return true;
        await go(doc, '/cases');
        await go(doc, `/case/${caseCode}`);
        await doc.getByTestId('case-view').waitFor();
        return (await formRow.count()) > 0;
      }, 'the filed form on the case');
      assert(((await formRow.first().textContent()) ?? '').includes('Form · Cardiology referral'), 'the document type reads Form');
      await assertNoUuid(doc, 'case screen with a Yida form (en)');
      await bothSizes(ctx, doc, 'yida-case-form-en');
      await inLanguage(doc, 'zh-HK');
      await doc.getByTestId('case-document').filter({ hasText: '表單 · Cardiology referral' }).first().waitFor();
      await bothSizes(ctx, doc, 'yida-case-form-zh-HK');

      // The console, in Chinese first: the unmapped submission waits with its reason in words.
      const zh = await openConsole(ctx, 'zh-HK');
      await inLanguage(zh, 'zh-HK');
      await waitingRow(zh).waitFor();
      assert(((await waitingRow(zh).textContent()) ?? '').includes('此宜搭表單尚未對應個案記錄'), 'the reason in Chinese');
      await assertNoUuid(zh, 'console forms (zh-HK)');
      await bothSizes(ctx, zh, 'yida-console-waiting-zh-HK');

      // English: map the form, then retry the waiting submission: it is filed to the case.
      const en = await openConsole(ctx, 'en-US');
      await inLanguage(en, 'en');
      await waitingRow(en).waitFor();
      assert(((await waitingRow(en).textContent()) ?? '').includes('not mapped'), 'the reason in English');
      await bothSizes(ctx, en, 'yida-console-waiting-en');
      await en.getByTestId('forms-add').click();
      const form = en.getByTestId('forms-mapping-form');
      await form.locator('#formUuid').fill('FORM-SANDBOXNURSING02');
      await form.locator('#name').fill('Nursing note');
      await form.locator('#recordType').fill('nursing_note');
      await form.locator('#patientHkid').fill('textField_hkid');
      await form.locator('#problems').fill('textareaField_problems');
      await form.locator('#freeText').fill('textareaField_reason=Note');
      // This form waits for the case's attending before it is filed.
      await en.getByTestId('forms-approval').click();
      await en.locator('.ant-select-item-option', { hasText: 'The case’s attending' }).click();
      await bothSizes(ctx, en, 'yida-console-mapping-en');
      await en.getByTestId('forms-save').click();
      await en.getByTestId('forms-mappings').locator('tr', { hasText: 'Nursing note' }).waitFor();
      await waitingRow(en).getByTestId('forms-retry').click();
      await en.getByTestId('forms-note').filter({ hasText: 'Awaiting approval' }).waitFor();
      await assertNoUuid(en, 'console forms after the retry (en)');
      await bothSizes(ctx, en, 'yida-console-awaiting-en');
      assert((await submitForm(ctx.baseUrl, 'unmapped', HKID)) === 202, 'a second nursing note (now mapped) is accepted');

      // The attending: both wait in his inbox; he opens one (content, no HKID) and approves it: filed.
      await go(doc, '/cases');
      await go(doc, '/inbox');
      await inLanguage(doc, 'en');
      const pending = doc.getByTestId(`pending-form-${caseCode}`);
      await until(async () => {
        if ((await pending.count()) === 2) return true;
        await go(doc, '/cases');
        await go(doc, '/inbox');
        await doc.getByTestId('inbox').waitFor();
        return (await pending.count()) === 2;
      }, 'two nursing notes waiting for approval in the inbox');
      await bothSizes(ctx, doc, 'yida-inbox-pending-en');
      await pending.first().click();
      const screen = doc.getByTestId('yida-approval');
      await screen.waitFor();
      const shown = (await screen.textContent()) ?? '';
      assert(shown.includes('Nursing note') && shown.includes('atrial fibrillation') && shown.includes(caseCode), `the form as its record would read: ${shown}`);
      assert(!shown.includes(HKID.slice(1, 7)), 'no HKID on the approval screen');
      await assertNoUuid(doc, 'Yida approval screen (en)');
      await bothSizes(ctx, doc, 'yida-approval-en');
      await doc.getByTestId('yida-approve').click();
      await doc.getByTestId('yida-decided').filter({ hasText: 'Approved' }).waitFor();
      await doc.getByTestId('yida-to-case').click();
      await doc.getByTestId('case-document').filter({ hasText: 'Nursing note' }).first().waitFor();

      // In Chinese: he returns the other one with a reason; it waits in the console, saying so.
      await inLanguage(doc, 'zh-HK');
      await go(doc, '/cases');
      await go(doc, '/inbox');
      await pending.first().click();
      await doc.getByTestId('yida-approval').waitFor();
      await doc.getByTestId('yida-return-reason').locator('.adm-selector-item', { hasText: '資料不全' }).click();
      await bothSizes(ctx, doc, 'yida-approval-return-zh-HK');
      await doc.getByTestId('yida-return').click();
      await doc.getByTestId('yida-decided').filter({ hasText: '已退回' }).waitFor();
      await go(zh, '/admin/consult_rules');
      await go(zh, '/admin/forms');
      await zh.getByTestId('forms-submissions').locator('tr', { hasText: '審批人已退回此提交' }).waitFor();
      await bothSizes(ctx, zh, 'yida-console-returned-zh-HK');
    },
  },
];
