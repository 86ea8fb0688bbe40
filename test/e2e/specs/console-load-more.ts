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
];
