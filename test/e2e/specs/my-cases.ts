import type { Page } from 'playwright-core';
import { makePdf } from '../../fixtures/make-pdf.js';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { assert, expectText, type E2eContext, type E2eTest } from '../harness.js';
import { appToken, burnFromApp, shareFromApp } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending of every case seeded here
const LAM = 'qmh-lam-kaming'; // 林家明, added as consulting on the main case
/** More cases than one page (20), so the list has to load the next page as it scrolls. */
const EXTRA = 22;
const hkid = (letter: string, digits: string) => `${letter}${digits}(${hkidCheckChar(letter, digits)})`;

/** A sandbox consult group of Dr Chan's, one per case (a group holds one case). */
export async function newGroup(baseUrl: string, title: string, memberIds: string[] = []): Promise<string> {
  const res = await fetch(`${baseUrl}/api/sandbox/chat/groups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, CHAN)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: CHAN, title, memberIds }),
  });
  if (!res.ok) throw new Error(`groups: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A chat line in a sandbox group, as a doctor would type it. */
export async function say(baseUrl: string, group: string, text: string, atUserIds: string[]): Promise<void> {
  const res = await fetch(`${baseUrl}/api/sandbox/chat/say`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, CHAN)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: CHAN, group, text, atUserIds }),
  });
  if (!res.ok) throw new Error(`say: ${res.status} ${await res.text()}`);
}

/** Waits (bounded) until the chat's `team … add` has landed: the case is among the user's cases. */
export async function onCasesOf(baseUrl: string, userId: string, caseCode: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${baseUrl}/api/app/cases?q=${caseCode}`, { headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}` } });
    if (res.ok && ((await res.json()) as { items: unknown[] }).items.length > 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${userId} never joined the care team of ${caseCode}`);
}

const rows = (page: Page) => page.locator('[data-testid^=case-row-]');

/** Types into the Cases search box and submits it (Enter), as a doctor would. */
async function searchFor(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-testid=cases-search] input');
  await box.fill(text);
  await box.press('Enter');
}

export const myCasesTests: E2eTest[] = [
  {
    name: 'cases tab: my cases newest first, more on scroll, search by code / HKID / name (whole words), a bad HKID explained, tap opens the case; phone and desktop, both languages; screenshots',
    async run(ctx: E2eContext) {
      const mainHkid = hkid('E', '271828');
      const mainGroup = await newGroup(ctx.baseUrl, 'Cases e2e main', [LAM]);
      const main = await seedCase(ctx.baseUrl, CHAN, mainHkid, mainGroup);
      await shareFromApp(ctx.baseUrl, CHAN, main, await makePdf({ pages: 1, text: 'Cases tab report (e2e)' }));
      const extra: string[] = [];
      for (let i = 0; i < EXTRA; i++) extra.push(await seedCase(ctx.baseUrl, CHAN, hkid('F', String(500000 + i)), await newGroup(ctx.baseUrl, `Cases e2e ${i}`)));
      const newest = extra[extra.length - 1]!;

      // Dr Chan on a phone, in English: the Cases tab, newest activity first, one page.
      const phone = await signIn(ctx, CHAN, 'en-US');
      await phone.setViewportSize({ width: 375, height: 812 });
      await phone.getByTestId('tab-cases').click();
      await rows(phone).first().waitFor();
      assert((await rows(phone).first().getAttribute('data-testid')) === `case-row-${newest}`, 'the newest case comes first');
      const firstPage = await rows(phone).count();
      assert(firstPage === 20, `one page of 20 at first, got ${firstPage}`);
      await ctx.screenshot(phone, '70-cases-tab-en-phone');

      // Scrolling to the end loads the next page (the cursor), until the end line.
      await phone.getByTestId('cases-loading').scrollIntoViewIfNeeded();
      await phone.getByTestId('cases-end').waitFor();
      const all = await rows(phone).count();
      assert(all >= EXTRA + 1, `every case after scrolling, got ${all}`);
      assert(new Set(await rows(phone).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).size === all, 'no case twice');
      await ctx.screenshot(phone, '71-cases-scrolled-en-phone');

      // Search by case code (lower case), by HKID, and a mistyped HKID.
      await searchFor(phone, main.toLowerCase());
      await phone.getByTestId(`case-row-${main}`).waitFor();
      assert((await rows(phone).count()) === 1, 'one case by code');
      await searchFor(phone, mainHkid);
      await expectText(phone, 'cases-searched-by', 'Found by HKID');
      await phone.getByTestId(`case-row-${main}`).waitFor();
      assert((await rows(phone).count()) === 1, 'one case by HKID');
      assert(!(await phone.getByTestId('cases').textContent())?.includes('E2E Patient'), 'the list never shows the patient');
      await ctx.screenshot(phone, '72-cases-search-hkid-en-phone');
      const wrong = hkidCheckChar('E', '271828') === '1' ? '2' : '1';
      await searchFor(phone, `E271828(${wrong})`);
      await expectText(phone, 'cases-error', 'That HKID is not valid: check the letter, the six digits and the check digit in brackets.');
      await ctx.screenshot(phone, '73-cases-search-bad-hkid-en-phone');

      // Tap opens the case screen.
      await searchFor(phone, main);
      await phone.getByTestId(`case-row-${main}`).click();
      await phone.getByTestId('case-view').waitFor();

      // On a desktop, in Chinese: search by whole name words; a prefix finds nothing.
      const desk = await signIn(ctx, CHAN, 'zh-HK');
      await desk.setViewportSize({ width: 1280, height: 800 });
      await desk.getByTestId('tab-cases').click();
      await expectText(desk, 'tab-cases', '個案');
      await rows(desk).first().waitFor();
      await ctx.screenshot(desk, '74-cases-tab-zh-HK-desktop');
      await searchFor(desk, 'patient e2e');
      await expectText(desk, 'cases-searched-by', '按病人姓名搜尋');
      await desk.getByTestId(`case-row-${main}`).waitFor();
      await ctx.screenshot(desk, '75-cases-search-name-zh-HK-desktop');
      await searchFor(desk, 'pati');
      await expectText(desk, 'cases-empty', '你的個案中沒有相符結果。');
      await ctx.screenshot(desk, '76-cases-search-no-match-zh-HK-desktop');

      // The phone in Chinese and the desktop in English too.
      await go(phone, '/cases');
      await phone.getByTestId('lang-switch').click();
      await expectText(phone, 'tab-cases', '個案');
      await rows(phone).first().waitFor();
      await ctx.screenshot(phone, '77-cases-tab-zh-HK-phone');
      await desk.getByTestId('lang-switch').click();
      await expectText(desk, 'tab-cases', 'Cases');
      await ctx.screenshot(desk, '78-cases-tab-en-desktop');

      // 林家明 joins the main case and gets a burn-after-reading message: his inbox names its kind in
      // Chinese (not a raw code) and his Cases tab shows the case with one unread item.
      await say(ctx.baseUrl, mainGroup, `@ConsultBridge team ${main} add @${LAM} consulting`, [LAM]);
      await onCasesOf(ctx.baseUrl, LAM, main);
      await burnFromApp(ctx.baseUrl, CHAN, main, 'Cases e2e: please call me', 600);
      const lam = await signIn(ctx, LAM, 'zh-HK');
      await lam.setViewportSize({ width: 375, height: 812 });
      await lam.getByTestId(`burn-item-${main}`).waitFor();
      const line = (await lam.getByTestId(`burn-item-${main}`).textContent()) ?? '';
      assert(line.startsWith('訊息') && !line.includes('text'), `the burn item's kind in Chinese, got ${line}`);
      await ctx.screenshot(lam, '79-inbox-burn-kind-zh-HK-phone');
      await lam.getByTestId('tab-cases').click();
      await expectText(lam, 'case-unread', '1');
      await ctx.screenshot(lam, '79b-cases-unread-zh-HK-phone');
    },
  },
];
