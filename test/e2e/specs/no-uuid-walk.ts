import type { Page } from 'playwright-core';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { DESKTOP, goTo, menuSections, MENUS, openConsole, settle, type ConsoleUser } from './admin-layout-data.js';
import { makeAuditor } from './admin-layout.js';
import { go, signIn } from './doctor-flow.js';
import { assertNoUuid, bothSizes, CHAN, inLanguage, seedWorld, WONG, type World } from './no-uuid-data.js';

type Lang = 'en' | 'zh-HK';
const LOCALE: Record<Lang, string> = { en: 'en-US', 'zh-HK': 'zh-HK' };

/** Every mini-app screen the doctor can reach with the seeded data, in one language. */
async function walkMiniApp(ctx: E2eContext, user: string, lang: Lang, w: World, extra: string[]): Promise<void> {
  const page = await signIn(ctx, user, LOCALE[lang]);
  await inLanguage(page, lang);
  const routes = ['/inbox', '/cases', '/me', `/case/${w.caseCode}`, `/case/${w.caseCode}/share`, `/case/${w.caseCode}/burn`, `/case/${w.caseCode}/alert`, `/doc/${w.documentId}`, ...extra];
  for (const route of routes) {
    await go(page, '/me');
    await go(page, route);
    await assertNoUuid(page, `mini-app ${route} as ${user} (${lang})`);
  }
  // Back on the inbox, with every typed list loaded (requests, documents, alerts…), for the screenshot.
  await go(page, '/inbox');
  await assertNoUuid(page, `inbox as ${user} (${lang})`);
  if (user === CHAN) await ctx.screenshot(page, `no-uuid-inbox-${user}-${lang}`);
}

/** Opens what a section hides behind a click, with the seeded data: each state of a queue, a trace, an explain answer, a case's team. */
async function openDetails(ctx: E2eContext, page: Page, section: string, w: World, user: ConsoleUser, lang: Lang): Promise<void> {
  const where = `console ${section} as ${user} (${lang})`;
  if (section === 'audit') {
    await page.getByTestId('trace-input').fill(w.traceCode);
    await page.getByTestId('trace-lookup').click();
    await page.getByTestId('trace-result').waitFor();
    const text = await assertNoUuid(page, `${where}, trace ${w.traceCode}`);
    assert(text.includes(w.caseCode), `${where}: the trace names the document by its case (${w.caseCode})`);
    await page.getByTestId('trace-result').scrollIntoViewIfNeeded();
    await bothSizes(ctx, page, `no-uuid-trace-${user}-${lang}`);
  }
  if (section === 'oversight') {
    for (const s of ['approved', 'flagged', 'pending']) {
      await page.getByTestId(`bg-status-${s}`).click();
      await settle(page);
      await assertNoUuid(page, `${where}, break-glass ${s}`);
    }
    for (const s of ['approved', 'denied', 'expired', 'pending']) {
      await page.getByTestId(`ap-status-${s}`).click();
      await settle(page);
      await assertNoUuid(page, `${where}, approvals ${s}`);
    }
    await bothSizes(ctx, page, `no-uuid-approvals-${user}-${lang}`);
  }
  if (section === 'policies') {
    await page.getByTestId('explain-clinician').click();
    await page.keyboard.type('WONG');
    await page.getByTestId(`explain-person-${WONG}`).click();
    await page.getByTestId('explain-document').click();
    await page.keyboard.type(w.caseCode.toLowerCase());
    await page.getByTestId('explain-doc-1').click();
    await page.getByTestId('explain-run').click();
    await page.getByTestId('explain-result').waitFor();
    const text = await assertNoUuid(page, `${where}, explain`);
    assert(/WONG|黃/.test(text), `${where}: the picked person is shown by name`);
    await bothSizes(ctx, page, `no-uuid-explain-${user}-${lang}`);
  }
  if (section === 'report') {
    await page.getByTestId('report-value').fill(w.caseCode);
    await page.getByTestId('report-download').click();
    await page.getByTestId('report-ready').waitFor();
    await assertNoUuid(page, `${where}, report for ${w.caseCode}`);
  }
  if (section === 'cases') {
    await page.getByTestId('case-code').fill(w.caseCode);
    await page.getByTestId('case-lookup').click();
    await page.getByTestId('case-team').waitFor();
    await assertNoUuid(page, `${where}, ${w.caseCode}`);
  }
}

/** Every section of the role's console menu, on a desktop, in one language. */
async function walkConsole(ctx: E2eContext, user: ConsoleUser, lang: Lang, w: World): Promise<void> {
  const { page } = await ctx.newPage({ locale: LOCALE[lang], viewport: DESKTOP });
  await openConsole(page, user);
  await inLanguage(page, lang);
  for (const section of await menuSections(page, false)) {
    await goTo(page, section, false);
    await assertNoUuid(page, `console ${section} as ${user} (${lang})`);
    await openDetails(ctx, page, section, w, user, lang);
  }
}

export const noUuidWalkTests: E2eTest[] = [
  {
    name: 'no UUID in the UI: every mini-app screen (attending, grantee) and every console section of each role (admin, privacy officer, auditor), with seeded data, in English and Chinese',
    async run(c) {
      const w = await seedWorld(c.baseUrl);
      const setup = await c.newPage({ locale: 'en-US', viewport: DESKTOP });
      await openConsole(setup.page, 'qmh-cb-admin');
      await makeAuditor(setup.page);
      for (const lang of ['en', 'zh-HK'] as const) {
        await walkMiniApp(c, CHAN, lang, w, [`/alert/${w.alertId}`]);
        await walkMiniApp(c, WONG, lang, w, [`/case/${w.alertCase}`]);
        for (const user of Object.keys(MENUS) as ConsoleUser[]) await walkConsole(c, user, lang, w);
      }
    },
  },
];
