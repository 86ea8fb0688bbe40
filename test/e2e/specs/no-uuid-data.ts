import type { Page } from 'playwright-core';
import { breakGlass, sharedAndViewed, type AdminScenario } from '../admin-data.js';
import { assert, type E2eContext } from '../harness.js';
import { DESKTOP, PHONE, settle } from './admin-layout-data.js';
import { openAlert, seedAlert, waitDelivered } from './alert-status-data.js';
import { appToken } from './compose-data.js';
import { viewFromApp } from './link-data.js';

/** A UUID anywhere in what a person can read (ids may sit in attributes and tooltips, never in text). */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export const CHAN = 'qmh-chan-taiman'; // attending of the shared case, raiser of the alert
export const WONG = 'hph-wong-siuming'; // granted after his request, alert recipient
export const LAM = 'qmh-lam-kaming'; // asks for access: a pending request in the console's queue

/** Everything the screens can show: a shared, requested, approved and viewed report (trace code), a pending request, break-glass, denials, an opened alert. */
export interface World extends AdminScenario {
  alertId: string;
  alertCase: string;
}

export async function seedWorld(baseUrl: string): Promise<World> {
  const scenario = await sharedAndViewed(baseUrl);
  await breakGlass(baseUrl, scenario.caseCode);
  // A refused view (denials by reason on the dashboard, denied entries in the audit log).
  const refused = await viewFromApp(baseUrl, 'hph-lee-meiling', scenario.documentId).then(() => false, () => true);
  assert(refused, 'Dr Lee (unverified) is refused the report');
  const res = await fetch(`${baseUrl}/api/app/documents/${scenario.documentId}/request`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, LAM)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reasonCode: 'second_opinion' }),
  });
  assert(res.ok, `Dr Lam's request: ${res.status} ${await res.text()}`);
  const { caseCode: alertCase, alertId } = await seedAlert(baseUrl, CHAN, [LAM, WONG], 'G271828(5)');
  await waitDelivered(baseUrl, CHAN, alertId, 2);
  await openAlert(baseUrl, WONG, alertCase);
  return { ...scenario, alertId, alertCase };
}

/**
 * Waits until the screen has settled (no spinner or skeleton, the same text twice in a row), then
 * fails on a UUID in its text or in a field's value. Returns the text for other checks.
 */
export async function assertNoUuid(page: Page, where: string): Promise<string> {
  const loading = '.ant-spin-spinning, .adm-spin-loading, .adm-skeleton, .ant-skeleton, .ant-select-loading, [aria-busy="true"]';
  let last = '';
  for (let i = 0; i < 50; i++) {
    const busy = await page.locator(loading).count();
    const now = await page.evaluate(() => {
      const fields = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
      return `${document.title}\n${document.body.innerText}\n${fields.join('\n')}`;
    });
    if (busy === 0 && now === last) break;
    last = now;
    await page.waitForTimeout(150);
  }
  const hit = UUID.exec(last);
  assert(!hit, `${where}: a UUID is shown (${hit?.[0]}) in: …${last.slice(Math.max(0, (hit?.index ?? 0) - 160), (hit?.index ?? 0) + 60)}…`);
  return last;
}

/** Puts the app (mini-app or console) in `lang` with the header switch when the user's saved preference says otherwise. */
export async function inLanguage(page: Page, lang: 'en' | 'zh-HK'): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (now !== lang) await page.getByTestId('lang-switch').first().click();
  await page.waitForFunction((want) => document.documentElement.lang === want, lang);
}

/** Screenshots of the page as it is, at 1280×800 and at 375×812 (`<name>-desktop|phone`); the desktop size is restored. */
export async function bothSizes(ctx: E2eContext, page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(viewport);
    await settle(page);
    await ctx.screenshot(page, `${name}-${size}`);
  }
}
