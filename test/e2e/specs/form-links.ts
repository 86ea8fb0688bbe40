import type { Page } from 'playwright-core';
import { assert, expectText, expectVisible, type E2eContext, type E2eTest } from '../harness.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, verified cardiologist; the bot and the app speak Chinese to him
const WONG = 'hph-wong-siuming'; // WONG Siu-ming, verified, English; in the group but the link is not his

export async function api<T>(baseUrl: string, path: string, body?: unknown): Promise<T> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${baseUrl}${path}`, init);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Says `text` in `group` as `user` through the sandbox chat; resolves with the first new 1:1 bot text matching `link`. */
export async function botLinkAfter(baseUrl: string, user: string, group: string, text: string, link: RegExp): Promise<string> {
  const dm = `/api/sandbox/chat/messages?user=${user}&conversation=bot`;
  const { cursor } = await api<{ cursor: number }>(baseUrl, dm);
  await api(baseUrl, '/api/sandbox/chat/say', { user, group, text });
  for (let i = 0; i < 100; i++) {
    for (const m of (await api<{ messages: Array<{ text: string }> }>(baseUrl, `${dm}&after=${cursor}`)).messages) {
      const found = link.exec(m.text);
      if (found) return found[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${link} link after ${JSON.stringify(text)}`);
}

/** Opens a link from chat in a fresh browser profile (no session): the demo picker first, then `userId`. */
async function openFresh(ctx: E2eContext, url: string, userId: string, locale: string): Promise<Page> {
  const { page } = await ctx.newPage({ locale, viewport: { width: 390, height: 844 } });
  await page.goto(url);
  await page.getByTestId('demo-picker').waitFor();
  assert(page.url() === url, `the sign-in keeps the link's address: ${page.url()}`);
  await page.getByTestId(`demo-user-${userId}`).click();
  return page;
}

export const formLinkTests: E2eTest[] = [
  {
    name: 'form links: 陳大文 opens the case-open link fresh, signs in, lands on the form, opens the case; the same link shows WONG nothing; consent form in English; screenshots',
    async run(ctx) {
      const { baseUrl } = ctx;
      const { id: group } = await api<{ id: string }>(baseUrl, '/api/sandbox/chat/groups', { user: CHAN, title: 'Form links e2e', memberIds: [WONG] });
      const path = await botLinkAfter(baseUrl, CHAN, group, '@ConsultBridge case open', /\/app\/form\/case-open\/[A-Za-z0-9_-]+/);
      const url = `${baseUrl}${path}`;

      // WONG got hold of the link: signed in as himself he sees that it is not his, and no form.
      const wong = await openFresh(ctx, url, WONG, 'en-US');
      await wong.getByTestId('form-link-error').waitFor();
      await expectVisible(wong, 'This link was not sent to you');
      assert((await wong.getByTestId('form-case-open').count()) === 0, 'no form for anyone but the owner');
      await ctx.screenshot(wong, '70-form-link-not-yours-en');

      // 陳大文 opens it fresh: sign-in, then the form itself (not the inbox).
      const chan = await openFresh(ctx, url, CHAN, 'zh-HK');
      await chan.getByTestId('form-case-open').waitFor();
      assert(chan.url() === url, `landed on the link's route: ${chan.url()}`);
      await expectVisible(chan, '香港身份證號碼');
      await chan.locator('[data-testid=form-hkid] input').fill('F112358(7)');
      await chan.locator('[data-testid=form-nameEn] input').fill('FORM Patient');
      await chan.locator('[data-testid=form-dob] input').fill('1950-01-02');
      await chan.getByTestId('consent-HPH').locator('.adm-selector-item', { hasText: '同意' }).click();
      await chan.getByTestId('consent-HPH').locator('input').fill('eHRSS consent seen');
      await ctx.screenshot(chan, '71-form-case-open-zh-HK');
      await chan.getByTestId('form-submit').click();
      await chan.getByTestId('form-done').waitFor();
      const code = ((await chan.getByTestId('form-case-code').textContent()) ?? '').trim();
      assert(/^C-[A-Z0-9]{5}$/.test(code), `the case code is shown: ${code}`);
      await expectVisible(chan, '已開案');
      await ctx.screenshot(chan, '72-form-case-opened-zh-HK');

      // The group hears the code and the opener only; the patient's details went nowhere near chat.
      const feed = await api<{ messages: Array<{ text: string }> }>(baseUrl, `/api/sandbox/chat/messages?user=${CHAN}&conversation=${encodeURIComponent(group)}`);
      const said = feed.messages.map((m) => m.text).join('\n');
      assert(said.includes(code), `the group is told ${code}: ${said.slice(-200)}`);
      for (const secret of ['A123456', 'FORM Patient', '1950-01-02', 'eHRSS']) assert(!said.includes(secret), `no ${secret} in the group`);

      // The link is spent: opening it again says so.
      await chan.goto(url);
      await chan.getByTestId('form-link-error').waitFor();
      await expectVisible(chan, '此連結已被使用');

      // The consent form, in English this time, from `consent C-…`.
      const consentPath = await botLinkAfter(baseUrl, CHAN, group, `@ConsultBridge consent ${code}`, /\/app\/form\/consent\/[A-Za-z0-9_-]+/);
      await chan.goto(`${baseUrl}${consentPath}`);
      await chan.getByTestId('form-consent').waitFor();
      await chan.getByTestId('lang-switch').click();
      await expectVisible(chan, `Record consent · ${code}`);
      await chan.getByTestId('consent-QMH').locator('.adm-selector-item', { hasText: 'Withdrawn' }).click();
      // Extra consent for a restricted category needs its reference before the form goes.
      await chan.getByTestId('form-restricted').locator('.adm-selector-item', { hasText: 'Mental health' }).click();
      await chan.getByTestId('form-submit').click();
      await expectVisible(chan, 'Give the reference of the extra consent.');
      await chan.locator('[data-testid=form-restricted-reference] input').fill('eHRSS restricted consent seen');
      assert((await chan.getByTestId('form-error').count()) === 0, 'the message goes once the form changes');
      await ctx.screenshot(chan, '73-form-consent-en');
      await chan.getByTestId('form-submit').click();
      await chan.getByTestId('form-done').waitFor();
      await expectText(chan, 'form-case-code', code);
      await expectVisible(chan, `Entries recorded for ${code}: 2`);
      await chan.getByTestId('form-to-case').click();
      await chan.getByTestId('case-view').waitFor();
    },
  },
];
