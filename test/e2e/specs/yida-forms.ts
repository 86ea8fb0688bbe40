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
    name: 'Yida forms: a mapped demo form submitted in the sandbox is filed to 陳大文’s case (Form · Cardiology referral); an unmapped one waits in the console (reason in words), an admin maps it in the Forms page and retries it, and it is filed; both languages, phone and desktop, no UUID; screenshots',
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
      await bothSizes(ctx, en, 'yida-console-mapping-en');
      await en.getByTestId('forms-save').click();
      await en.getByTestId('forms-mappings').locator('tr', { hasText: 'Nursing note' }).waitFor();
      await waitingRow(en).getByTestId('forms-retry').click();
      await en.getByTestId('forms-note').filter({ hasText: 'Filed' }).waitFor();
      await assertNoUuid(en, 'console forms after the retry (en)');
      await bothSizes(ctx, en, 'yida-console-filed-en');

      await go(doc, '/cases');
      await go(doc, `/case/${caseCode}`);
      await doc.getByTestId('case-document').filter({ hasText: 'Nursing note' }).first().waitFor();
    },
  },
];
