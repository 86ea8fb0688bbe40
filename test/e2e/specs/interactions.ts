import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { PHONE } from './admin-layout-data.js';
import { appToken } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // opens the case (attending) and prescribes on it

async function api<T>(ctx: E2eContext, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${await appToken(ctx.baseUrl, CHAN)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Listed = { alerts: { id: string; drugs: string[]; state: string }[] };

/** The open alert whose pair is exactly these two drugs (canonical names). */
async function alertOf(ctx: E2eContext, code: string, a: string, b: string): Promise<string> {
  const { alerts } = await api<Listed>(ctx, `/api/cases/${code}/interaction-alerts`);
  const hit = alerts.find((x) => [...x.drugs].sort().join() === [a, b].sort().join());
  assert(hit, `an alert for ${a} + ${b}: ${JSON.stringify(alerts)}`);
  return hit.id;
}

async function open(page: Page, id: string): Promise<void> {
  await go(page, `/doctor/interactions/${id}`);
  await page.getByTestId('interaction-head').waitFor();
}

export const interactionTests: E2eTest[] = [
  {
    name: 'interaction alert: 陳大文 records warfarin, ibuprofen and aspirin on his case; the warfarin + ibuprofen alert shows the pair as entered and as checked, severity, mechanism, action, alternatives and sources; an override waits for a reason and then shows who decided and why; the warfarin + aspirin alert is acknowledged; phone and desktop, both languages, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const code = await seedCase(ctx.baseUrl, CHAN, 'I161803(7)');
      for (const text of ['Warfarin 3 mg', '布洛芬 400mg', 'Aspirin 80 mg']) await api(ctx, `/api/cases/${code}/medications`, { text, confirmed: [] });
      const nsaid = await alertOf(ctx, code, 'warfarin', 'ibuprofen');
      const antiplatelet = await alertOf(ctx, code, 'warfarin', 'aspirin');

      const page = await signIn(ctx, CHAN, 'en-US');
      await page.setViewportSize(PHONE);
      await inLanguage(page, 'en');
      await open(page, nsaid);
      assert((await page.getByTestId('interaction-severity').textContent()) === 'Major', 'severity shown');
      assert((await page.getByTestId('interaction-state').textContent()) === 'Open', 'open');
      const checked = await page.getByTestId('interaction-canonical').allTextContents();
      assert(checked.join() === 'Checked as: warfarin,Checked as: ibuprofen' || checked.join() === 'Checked as: ibuprofen,Checked as: warfarin', `both checked as their INN: ${checked.join()}`);
      await expectVisible(page, '布洛芬 400mg');
      assert(((await page.getByTestId('interaction-mechanism').textContent()) ?? '').length > 10, 'the mechanism');
      assert((await page.getByTestId('interaction-source').count()) > 0, 'at least one source');
      await page.getByTestId('interaction-unreviewed').waitFor();
      await assertNoUuid(page, 'interaction alert (en)');
      await bothSizes(ctx, page, 'ia-01-details-en');

      await inLanguage(page, 'zh-HK');
      assert((await page.getByTestId('interaction-severity').textContent()) === '嚴重', 'severity in Chinese');
      await assertNoUuid(page, 'interaction alert (zh-HK)');
      await bothSizes(ctx, page, 'ia-01-details-zh-HK');

      // Override: the button waits for a reason; then the alert says who decided, when, and why.
      await page.getByTestId('interaction-override').click();
      assert(await page.getByTestId('interaction-override-confirm').isDisabled(), 'no override without a reason');
      await page.getByTestId('interaction-reason').locator('textarea').fill('已安排每週兩次驗 INR，只用三天');
      await bothSizes(ctx, page, 'ia-02-override-zh-HK');
      await page.getByTestId('interaction-override-confirm').click();
      await page.getByTestId('interaction-decided').waitFor();
      const decided = (await page.getByTestId('interaction-decided').textContent()) ?? '';
      assert(decided.includes('陳大文') && decided.includes('HKT') && decided.includes('已安排每週兩次驗 INR'), `who, when and why: ${decided}`);
      assert((await page.getByTestId('interaction-acknowledge').count()) === 0, 'decided once: no more buttons');
      await bothSizes(ctx, page, 'ia-03-overridden-zh-HK');
      await inLanguage(page, 'en');
      await page.waitForFunction(() => document.querySelector('[data-testid=interaction-state]')?.textContent === 'Overridden');
      await bothSizes(ctx, page, 'ia-03-overridden-en');

      // The other alert: acknowledged.
      await open(page, antiplatelet);
      await page.getByTestId('interaction-acknowledge').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=interaction-state]')?.textContent === 'Acknowledged');
      await assertNoUuid(page, 'interaction alert acknowledged (en)');
      await bothSizes(ctx, page, 'ia-04-acknowledged-en');
      await inLanguage(page, 'zh-HK');
      await page.waitForFunction(() => document.querySelector('[data-testid=interaction-state]')?.textContent === '已確認');
      await bothSizes(ctx, page, 'ia-04-acknowledged-zh-HK');
    },
  },
];
