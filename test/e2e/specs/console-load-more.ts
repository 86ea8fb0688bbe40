import type { Page } from 'playwright-core';
import { assert, type E2eContext, type E2eTest } from '../harness.js';

const ADMIN = 'qmh-cb-admin'; // the sandbox's ConsultBridge admin at Queen Mary Hospital
const CHAN = 'qmh-chan-taiman';
const DESKTOP = { width: 1280, height: 800 };
/** The console's page size (AuditSection, OutboxSection): the first page holds exactly this many rows. */
const PAGE = 50;

/**
 * 60 `help` commands in a 1:1 chat with the bot, through the sandbox's real bot: each leaves audit
 * entries (received, command run) and a sent reply in the outbox, so both lists outgrow one page.
 */
async function chatter(baseUrl: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${baseUrl}/sandbox/say`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: CHAN, text: '@ConsultBridge help', waitMs: 5000 }),
    });
    if (!res.ok) throw new Error(`/sandbox/say: ${res.status} ${await res.text()}`);
  }
}

async function openConsole(ctx: E2eContext, section: string): Promise<Page> {
  const { page } = await ctx.newPage({ locale: 'en-US', viewport: DESKTOP });
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${ADMIN}`).click();
  await page.getByTestId('tab-me').waitFor();
  // Client-side navigation, as a link inside the app does it (a reload would spend a sign-in refresh).
  await page.evaluate(`history.pushState(null, '', '/app/admin/${section}'); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.getByTestId(`admin-section-${section}`).waitFor();
  return page;
}

/** The first column of each row of a table: the audit entry's leaf index, the outbox row's id. */
const firstCells = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tr.ant-table-row td:first-child`).allTextContents();
const rowCount = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tr.ant-table-row`).count();

/**
 * Shows one page, then scrolls the list's foot into view (the wheel, as a person does) and waits for
 * the next page: more rows, every number once, newest (largest) first.
 */
async function scrollLoadsMore(page: Page, table: string, foot: string): Promise<void> {
  await page.waitForFunction(([t, n]) => document.querySelectorAll(`[data-testid="${t}"] tr.ant-table-row`).length >= Number(n), [table, PAGE] as const);
  assert((await rowCount(page, table)) === PAGE, `${table}: one page of ${PAGE} before scrolling, got ${await rowCount(page, table)}`);
  assert(await page.getByTestId(foot).isVisible(), `${table}: the list says there is more`);
  for (let i = 0; i < 40 && (await rowCount(page, table)) <= PAGE; i++) {
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(([t, n]) => document.querySelectorAll(`[data-testid="${t}"] tr.ant-table-row`).length > Number(n), [table, PAGE] as const);
  const ids = (await firstCells(page, table)).map(Number);
  assert(ids.length > PAGE, `${table}: more rows after scrolling (${ids.length})`);
  assert(new Set(ids).size === ids.length, `${table}: no row twice: ${ids.join(',')}`);
  assert(ids.every((v, i) => i === 0 || v < ids[i - 1]!), `${table}: newest first: ${ids.join(',')}`);
}

/** The DingTalk ids of the Clinicians table's rows, in order (each row carries `clinician-<id>`). */
const clinicianRows = (page: Page) =>
  page.locator('[data-testid="clinicians-table"] tr.ant-table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.slice('clinician-'.length) ?? ''));

/** Types into the Clinicians search box and waits for the service's answer to that search (debounced: one call). */
async function searchClinicians(page: Page, text: string): Promise<string[]> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/admin/clinicians?') && new URL(r.url()).searchParams.get('q') === text);
  await page.getByTestId('clinician-search').locator('input').fill(text);
  await answered;
  await page.waitForFunction(() => !document.querySelector('[data-testid="clinicians-table"] .ant-spin-spinning'));
  return clinicianRows(page);
}

/** 60 doctors more at QMH, imported through the console's CSV import; the first has a Chinese name. */
const IMPORT = [
  'dingtalk_user_id,display_name,name_en,name_zh,role,specialty,institution_code,registration_no',
  ...Array.from({ length: 60 }, (_, i) => `e2e-dir-${i},Dr E2E ${String(i).padStart(2, '0')},${i === 0 ? 'Dr SZETO Ka-lok,司徒家樂' : `Dr LOADMORE Person${i},`},doctor,,QMH,M${91000 + i}`),
].join('\n');

export const consoleLoadMoreTests: E2eTest[] = [
  {
    name: 'console lists load more on scroll: the audit browser and the outbox show one page, then the next as their foot scrolls into view; newest first, none twice',
    async run(ctx: E2eContext) {
      await chatter(ctx.baseUrl, 60);

      const audit = await openConsole(ctx, 'audit');
      await scrollLoadsMore(audit, 'audit-entries', 'audit-more');
      await ctx.screenshot(audit, 'console-audit-load-more-en-desktop');

      const outbox = await openConsole(ctx, 'outbox');
      await outbox.locator('.ant-segmented-item', { hasText: 'Sent' }).click();
      await scrollLoadsMore(outbox, 'outbox-items', 'outbox-more');
      await ctx.screenshot(outbox, 'console-outbox-load-more-en-desktop');
    },
  },
  {
    name: 'console Clinicians: 60 imported doctors; the list shows 50, the next page as its foot scrolls into view (none twice); the search box finds a doctor by an English name word and by part of the Chinese name, on the service',
    async run(ctx: E2eContext) {
      const page = await openConsole(ctx, 'clinicians');
      await page.getByTestId('import-csv').fill(IMPORT);
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-summary').waitFor();
      await page.getByTestId('import-run').click();
      await page.getByTestId('clinician-e2e-dir-0').waitFor();

      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="clinicians-table"] tr.ant-table-row').length === n, PAGE);
      assert(await page.getByTestId('clinicians-more').isVisible(), 'the directory says there is more');
      for (let i = 0; i < 40 && (await rowCount(page, 'clinicians-table')) <= PAGE; i++) {
        await page.mouse.move(640, 400);
        await page.mouse.wheel(0, 1500);
        await page.waitForTimeout(100);
      }
      const all = await clinicianRows(page);
      assert(all.length > PAGE && new Set(all).size === all.length, `more rows after scrolling, none twice: ${all.length}`);

      const byEnglish = await searchClinicians(page, 'szeto ka');
      assert(byEnglish.join() === 'e2e-dir-0', `"szeto ka" finds Dr SZETO Ka-lok only: ${byEnglish.join()}`);
      const byChinese = await searchClinicians(page, '家樂');
      assert(byChinese.join() === 'e2e-dir-0', `"家樂" finds 司徒家樂 only: ${byChinese.join()}`);
      const byWord = await searchClinicians(page, 'loadmore');
      assert(byWord.length === PAGE && byWord.every((u) => u.startsWith('e2e-dir-')), `"loadmore" finds a page of the imported doctors: ${byWord.length}`);
      await ctx.screenshot(page, 'console-clinicians-search-en-desktop');
    },
  },
];
