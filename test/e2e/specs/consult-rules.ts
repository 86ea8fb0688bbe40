import type { Page } from 'playwright-core';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { go } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const ADMIN = 'qmh-cb-admin';

/** A critical potassium as the EHR would give it (FHIR Observation, LOINC 2823-3). */
const POTASSIUM = JSON.stringify({
  resourceType: 'Observation',
  id: 'k1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
  valueQuantity: { value: 6.8, unit: 'mmol/L' },
});

async function openRules(ctx: E2eContext, locale: string): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport: { width: 1280, height: 800 } });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${ADMIN}`).click();
  await page.getByTestId('tab-me').waitFor();
  await go(page, '/admin/consult_rules');
  await page.getByTestId('consult-rules-table').waitFor();
  return page;
}

async function dryRun(page: Page, observation: string): Promise<string> {
  await page.getByTestId('dry-observation').fill(observation);
  await page.getByTestId('dry-run').click();
  const result = page.getByTestId('dry-result');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

export const consultRuleTests: E2eTest[] = [
  {
    name: 'consult rules: the admin sees the rules in force (ECG STEMI?, troponin, potassium) and a dry run with a pasted critical potassium says the potassium rule would fire, a normal one that none would; both languages, phone and desktop, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const en = await openRules(ctx, 'en-US');
      await inLanguage(en, 'en');
      const table = (await en.getByTestId('consult-rules-table').textContent()) ?? '';
      for (const id of ['ecg-stemi', 'troponin-high', 'potassium-critical']) assert(table.includes(id), `rule ${id} listed`);
      const fires = await dryRun(en, POTASSIUM);
      assert(fires.includes('Would fire') && fires.includes('potassium-critical'), `the potassium rule would fire: ${fires}`);
      assert(!fires.includes('troponin-high'), 'the troponin rule would not');
      await assertNoUuid(en, 'consult rules (en)');
      await bothSizes(ctx, en, 'consult-rules-dry-run-en');
      const normal = await dryRun(en, POTASSIUM.replace('6.8', '4.1'));
      assert(normal.includes('No rule would fire'), `a normal potassium fires nothing: ${normal}`);

      const zh = await openRules(ctx, 'zh-HK');
      await inLanguage(zh, 'zh-HK');
      const zhFires = await dryRun(zh, POTASSIUM);
      assert(zhFires.includes('會觸發') && zhFires.includes('potassium-critical'), `the Chinese answer names the rule: ${zhFires}`);
      await assertNoUuid(zh, 'consult rules (zh-HK)');
      await bothSizes(ctx, zh, 'consult-rules-dry-run-zh-HK');
    },
  },
];
