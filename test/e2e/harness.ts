import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectPath } from '../../src/shared/paths.js';

export const ARTIFACTS = projectPath('test-artifacts', 'e2e');

export interface E2eContext {
  browser: Browser;
  baseUrl: string;
  /** A fresh browser profile (no cookies, no storage) with the given UI language and screen (and user agent, time zone); closed after the test. */
  newPage(opts: { locale: string; viewport?: { width: number; height: number }; userAgent?: string; timezoneId?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves test-artifacts/e2e/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Screenshots of every page still open, taken when a test fails (FAILED-<test>-<n>.png). */
  captureOpenPages(label: string): Promise<void>;
  closeAll(): Promise<void>;
}

export interface E2eTest {
  name: string;
  run(ctx: E2eContext): Promise<void>;
}

export function makeContext(browser: Browser, baseUrl: string): E2eContext {
  mkdirSync(ARTIFACTS, { recursive: true });
  const contexts = new Set<BrowserContext>();
  return {
    browser,
    baseUrl,
    async newPage({ locale, viewport = { width: 390, height: 780 }, userAgent, timezoneId }) {
      const context = await browser.newContext({ locale, viewport, baseURL: baseUrl, ...(userAgent ? { userAgent } : {}), ...(timezoneId ? { timezoneId } : {}) });
      context.setDefaultTimeout(10_000);
      contexts.add(context);
      return { context, page: await context.newPage() };
    },
    async closeAll() {
      for (const c of contexts) await c.close().catch(() => undefined);
      contexts.clear();
    },
    async captureOpenPages(label) {
      let n = 0;
      for (const page of [...contexts].flatMap((c) => c.pages())) await page.screenshot({ path: join(ARTIFACTS, `FAILED-${label}-${++n}.png`) }).catch(() => undefined);
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
  };
}

/** Runs the tests one after another; a failure is reported with its message and the run goes on. */
export async function runTests(tests: E2eTest[], ctx: E2eContext, only?: string): Promise<{ passed: number; failed: string[] }> {
  const failed: string[] = [];
  let passed = 0;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const started = Date.now();
    try {
      await t.run(ctx).catch(async (err: unknown) => {
        await ctx.captureOpenPages(t.name.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 40));
        throw err;
      }).finally(() => ctx.closeAll());
      passed++;
      process.stdout.write(`  ✓ ${t.name} (${Date.now() - started} ms)\n`);
    } catch (err) {
      failed.push(t.name);
      process.stdout.write(`  ✗ ${t.name}\n${indent((err as Error).stack ?? String(err))}\n`);
    }
  }
  return { passed, failed };
}

const indent = (s: string) => s.split('\n').map((l) => `      ${l}`).join('\n');

/** A plain assertion (playwright-core has no `expect`): throws with both sides shown. */
export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(what);
}

/** Waits until the element's text is exactly `expected` (the UI re-renders after clicks and fetches). */
export async function expectText(page: Page, testId: string, expected: string, timeoutMs = 10_000): Promise<void> {
  const loc = page.getByTestId(testId).first();
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = (await loc.textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null))?.trim() ?? null;
    if (last === expected) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`[data-testid=${testId}]: expected text ${JSON.stringify(expected)}, got ${JSON.stringify(last)}`);
}

/** Waits until visible text `text` is on the page. */
export async function expectVisible(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' });
}
