import type { Page } from 'playwright-core';
import { assert } from '../harness.js';

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

/** What each console role's menu must list, in order (the server's table, written out here on purpose). */
export const MENUS = {
  'qmh-cb-admin': ['clinicians', 'audit', 'policies', 'oversight', 'outbox', 'institutions', 'cases', 'dashboard', 'forms', 'rosters', 'consult_rules', 'mdt'],
  'qmh-li-siufan': ['audit', 'oversight', 'report', 'patients'],
  'qmh-cheung-meiwah': ['audit'],
} as const;
export type ConsoleUser = keyof typeof MENUS;
export const ALL_SECTIONS = ['clinicians', 'audit', 'policies', 'oversight', 'outbox', 'report', 'institutions', 'cases', 'dashboard', 'patients', 'forms', 'rosters', 'consult_rules', 'mdt'];

/** Signs in from the demo picker and opens the console at the role's first section (client-side, as a link in the app does). */
export async function openConsole(page: Page, user: string): Promise<void> {
  await page.goto('/app/');
  await page.getByTestId(`demo-user-${user}`).click();
  await page.getByTestId('tab-me').waitFor();
  await page.evaluate(`history.pushState(null, '', '/app/admin'); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.locator('[data-testid^="admin-section-"]').first().waitFor();
}

/** The page itself never scrolls sideways (tables may, inside their card). */
export async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, inner, header, culprit } = await page.evaluate(() => {
    const h = document.querySelector('.admin-header');
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).pop();
    const culprit = wide ? `${wide.tagName.toLowerCase()}.${[...wide.classList].join('.')} "${(wide.textContent ?? '').slice(0, 40)}"` : '';
    return { scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth, header: h ? h.scrollWidth - h.clientWidth : 0, culprit };
  });
  assert(scroll <= inner, `${where}: the page is ${scroll} px wide in a ${inner} px window (${culprit})`);
  assert(header <= 0, `${where}: the header overflows by ${header} px`);
}

/** The section keys the menu offers: the side bar on a desktop, the drawer (opened and closed again) on a phone. */
export async function menuSections(page: Page, phone: boolean): Promise<string[]> {
  if (phone) {
    await page.getByTestId('admin-menu-button').click();
    await page.locator('.ant-drawer-open [data-testid="admin-menu"]').waitFor();
  }
  const scope = phone ? page.locator('.ant-drawer-open [data-testid="admin-menu"]') : page.locator('.ant-layout-sider [data-testid="admin-menu"]');
  const ids = await scope.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
  if (phone) {
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' }).catch(() => page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' }));
  }
  return ids;
}

/** Opens a section from the menu (through the drawer on a phone). */
export async function goTo(page: Page, section: string, phone: boolean): Promise<void> {
  if (phone) {
    await page.getByTestId('admin-menu-button').click();
    await page.locator('.ant-drawer-open').getByTestId(`nav-${section}`).click();
  } else {
    await page.locator('.ant-layout-sider').getByTestId(`nav-${section}`).click();
  }
  await page.getByTestId(`admin-section-${section}`).waitFor();
  await settle(page);
}

/** Waits for antd's spinners and drawer/dialog animations to finish. */
export async function settle(page: Page): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter, .ant-drawer-panel-motion-left-leave').first().waitFor({ state: 'detached' });
}

/** The denial chart's labels: none overlaps the next, none is cut off. */
export async function assertReasonLabelsReadable(page: Page, where: string): Promise<string[]> {
  const labels = await page.getByTestId('denials-by-reason').locator('.reason-bar-label').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent ?? '', top: r.top, bottom: r.bottom, left: r.left, right: r.right, cut: e.scrollWidth > e.clientWidth + 1 };
    }),
  );
  assert(labels.length > 0, `${where}: the chart has labelled bars`);
  for (let i = 1; i < labels.length; i++) assert(labels[i]!.top >= labels[i - 1]!.bottom - 0.5, `${where}: "${labels[i]!.text}" overlaps "${labels[i - 1]!.text}"`);
  for (const l of labels) assert(!l.cut && l.text.trim().length > 0, `${where}: "${l.text}" is cut off`);
  return labels.map((l) => l.text);
}
