import type { Page } from 'playwright-core';
import { makePdf } from '../../fixtures/make-pdf.js';
import { assert, expectVisible, type E2eTest } from '../harness.js';
import { shareFromApp } from './compose-data.js';
import { submitFormFromApp } from './link-data.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文: member of the cardiology group; the bot answers him in Chinese
const WONG = 'hph-wong-siuming'; // Wong Siu-ming: private-hospital doctor in the A&E handover group, English

async function api<T>(baseUrl: string, path: string, body?: unknown, type = 'application/json'): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': type },
    body: type === 'application/json' ? JSON.stringify(body) : (body as BodyInit),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Says `text` as `user` in `group` through the chat API, then waits for a link of `kind` in the user's 1:1 chat. */
async function sayForLink(baseUrl: string, user: string, group: string, text: string, kind: RegExp): Promise<string> {
  const dm = `/api/sandbox/chat/messages?user=${user}&conversation=bot`;
  // Only links sent after this message count: the user may hold older ones from earlier tests.
  const { cursor } = await api<{ cursor: number }>(baseUrl, dm);
  await api(baseUrl, '/api/sandbox/chat/say', { user, group, text });
  for (let i = 0; i < 100; i++) {
    const view = await api<{ messages: Array<{ text: string }> }>(baseUrl, `${dm}&after=${cursor}`);
    for (const m of view.messages) {
      const found = kind.exec(m.text);
      if (found) return found[1]!;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} link after ${JSON.stringify(text)}`);
}

/** The text of the newest bot message (the feed is polled, so wait until one newer than `afterCount` shows). */
async function nextBotText(page: Page, afterCount: number): Promise<string> {
  const bots = page.getByTestId('chat-msg-bot');
  const deadline = Date.now() + 10_000;
  while ((await bots.count()) <= afterCount) {
    assert(Date.now() < deadline, `no bot reply after ${afterCount} earlier ones`);
    await page.waitForTimeout(100);
  }
  return (await bots.nth(afterCount).textContent()) ?? '';
}

/** Opens the 1:1 chat with the bot and returns the newest bot message containing `marker`. */
async function botChatText(page: Page, marker: string): Promise<string> {
  await page.getByTestId('chat-conv-bot').click();
  const msg = page.getByTestId('chat-msg-bot').filter({ hasText: marker }).last();
  await msg.waitFor();
  return (await msg.textContent()) ?? '';
}

export const sandboxChatTests: E2eTest[] = [
  {
    name: 'sandbox chat: 陳大文 in the cardiology group runs @ConsultBridge help and 我是誰; both languages; screenshots',
    async run({ newPage, screenshot, baseUrl }) {
      const { page } = await newPage({ locale: 'en-US', viewport: { width: 430, height: 900 } });
      // The page needs no sign-in, so it must not spend the per-address auth rate limit either.
      const authCalls: string[] = [];
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path === '/api/auth/refresh' || path === '/api/sandbox/demo-users' || path === '/api/sandbox/auth-code') authCalls.push(path);
      });
      await page.goto('/app/sandbox');
      await page.getByTestId('sandbox-chat').waitFor();
      await page.getByTestId(`chat-user-${CHAN}`).click();
      await page.getByTestId('chat-conv-cardiologyConsult').click();
      await page.getByTestId('chat-messages').waitFor();
      const before = await page.getByTestId('chat-msg-bot').count();

      // Typing "@" opens the mention picker; picking the bot fills in its name.
      await page.getByTestId('chat-input').pressSequentially('@');
      await page.getByTestId('chat-mention-picker').waitFor();
      await page.getByTestId('chat-mention-bot').click();
      // The picker fills in the mention and puts the caret after it on the next frame: typing before then
      // interleaved with it ("@ConsultBridge h@ConsultBridgeelp", a CI failure). Wait for the caret.
      await page.waitForFunction(() => {
        const input = document.querySelector<HTMLInputElement>('[data-testid=chat-input]');
        return input?.value === '@ConsultBridge ' && document.activeElement === input && input.selectionStart === input.value.length;
      });
      await page.getByTestId('chat-input').pressSequentially('help');
      await page.getByTestId('chat-send').click();
      await page.locator('[data-testid=chat-msg-user]', { hasText: '@ConsultBridge help' }).first().waitFor();
      const typed = await page.locator('[data-testid=chat-msg-user] .chat-bubble').last().textContent();
      assert(typed === '@ConsultBridge help', `the message shows as typed: ${typed}`);
      // The long help is about the sender's use of the bot: it comes 1:1; the group gets only a pointer.
      const pointer = await nextBotText(page, before);
      assert(pointer.includes('已私下回覆你'), `the group hears only a pointer: ${pointer}`);
      const help = await botChatText(page, 'ConsultBridge 指令');
      assert(help.includes('whoami') && help.includes('case open'), `help reply lists the commands: ${help}`);
      assert(!help.includes('**'), 'markdown markers are not shown');
      await screenshot(page, '20-sandbox-chat-help-en');

      await page.getByTestId('chat-conv-cardiologyConsult').click();
      await page.getByTestId('chat-input').fill('@ConsultBridge 我是誰');
      await page.getByTestId('chat-input').press('Enter');
      assert((await nextBotText(page, before + 1)).includes('已私下回覆你'), 'whoami: the group hears only a pointer');
      const whoami = await botChatText(page, '註冊編號');
      assert(whoami.includes('陳大文'), `whoami reply in Chinese, 1:1: ${whoami}`);
      await expectVisible(page, 'Sandbox chat');
      await screenshot(page, '21-sandbox-chat-whoami-en');

      await page.getByTestId('lang-switch').click();
      await expectVisible(page, '沙盒聊天');
      await expectVisible(page, '單聊');
      await screenshot(page, '22-sandbox-chat-zh-HK');

      // `case open` answers 1:1 with a mini-app form link: it shows in the bot chat, clickable, not in the group.
      await page.getByTestId('chat-conv-aeHandover').click();
      await page.getByTestId('chat-input').fill('@ConsultBridge case open');
      await page.getByTestId('chat-send').click();
      await page.locator('[data-testid=chat-msg-user]', { hasText: 'case open' }).first().waitFor();
      await page.getByTestId('chat-unread-bot').waitFor();
      await screenshot(page, '23-sandbox-chat-unread-zh-HK');
      await page.getByTestId('chat-conv-bot').click();
      const link = page.getByTestId('chat-link').first();
      await link.waitFor();
      const href = (await link.getAttribute('href')) ?? '';
      assert(/\/app\/form\/case-open\/[A-Za-z0-9_-]+$/.test(href) && href.startsWith(baseUrl), `mini-app form link (no token) in the 1:1 chat: ${href}`);
      assert((await link.getAttribute('target')) === '_blank', 'links open in a new tab');
      await screenshot(page, '24-sandbox-chat-bot-1to1-zh-HK');
      assert(authCalls.length === 0, `no sign-in calls from the sandbox chat: ${authCalls.join(', ')}`);
    },
  },
  {
    name: 'sandbox chat: a shared-report card in a new group; Wong presses Request access, then a purpose, as himself',
    async run({ newPage, screenshot, baseUrl }) {
      // A new group of its own: a case binds to one group, and other specs use the demo groups.
      const { id: group } = await api<{ id: string }>(baseUrl, '/api/sandbox/chat/groups', { user: CHAN, title: 'Sandbox chat e2e', memberIds: [WONG] });
      // Seed a case and a report the way 陳大文 would (chat command → form → share → the share screen's upload).
      const intentId = await sayForLink(baseUrl, CHAN, group, '@ConsultBridge case open', /\/app\/form\/case-open\/([A-Za-z0-9_-]+)/);
      const opened = await submitFormFromApp<{ caseCode: string }>(baseUrl, CHAN, 'case-open', intentId, {
        hkid: 'A123456(3)', nameEn: 'Sandbox Chat Patient', dateOfBirth: '1948-03-04', consents: [{ institutionCode: 'HPH', status: 'granted' }],
      });
      await sayForLink(baseUrl, CHAN, group, `@ConsultBridge share ${opened.caseCode}`, new RegExp(`(/app/case/${opened.caseCode}/share)`));
      await shareFromApp(baseUrl, CHAN, opened.caseCode, await makePdf({ text: 'Sandbox chat report' }));

      const { page } = await newPage({ locale: 'en-US', viewport: { width: 430, height: 900 } });
      await page.goto('/app/sandbox');
      await page.getByTestId(`chat-user-${WONG}`).click();
      await page.getByTestId(`chat-conv-${group}`).click();
      const card = page.locator('[data-testid=chat-card]', { hasText: opened.caseCode }).last();
      await card.waitFor();
      await card.getByTestId('chat-card-button').filter({ hasText: 'Request access' }).click();
      // The bot answers the press with a 1:1 card of purposes; pressing one files the request.
      await page.getByTestId('chat-unread-bot').waitFor();
      await screenshot(page, '25-sandbox-chat-card-en');
      await page.getByTestId('chat-conv-bot').click();
      const reasons = page.locator('[data-testid=chat-card]', { hasText: 'Why do you need it?' }).last();
      await reasons.waitFor();
      const before = await page.getByTestId('chat-msg-bot').count();
      await reasons.getByTestId('chat-card-button').first().click();
      const reply = await nextBotText(page, before);
      assert(reply.includes(opened.caseCode), `the request is confirmed 1:1 with the case code: ${reply}`);
      await screenshot(page, '26-sandbox-chat-request-en');

      // 陳大文 approves on his card: it settles to who decided and until when, with no buttons left.
      await page.getByTestId(`chat-user-${CHAN}`).click();
      await page.getByTestId('chat-conv-bot').click();
      const approval = page.locator('[data-testid=chat-card]', { hasText: opened.caseCode }).filter({ has: page.getByTestId('chat-card-button') }).last();
      await approval.waitFor();
      const outTrackId = (await approval.getAttribute('data-out-track-id')) ?? '';
      await approval.getByTestId('chat-card-button').filter({ hasText: '批准' }).first().click(); // the default duration (★)
      const decided = page.locator(`[data-testid=chat-card][data-out-track-id="${outTrackId}"]`);
      await decided.getByTestId('chat-card-status').filter({ hasText: '有效至' }).waitFor();
      const status = (await decided.getByTestId('chat-card-status').textContent()) ?? '';
      assert(status.includes('陳大文') && /有效至 \d{4}-\d{2}-\d{2}/.test(status), `the decided card says who and until when: ${status}`);
      // Decided: no approve/deny left; a granted card keeps only [Revoke] (issue 12 item 5).
      const left = await decided.getByTestId('chat-card-button').allTextContents();
      assert(left.every((t) => /撤銷|Revoke/.test(t)), `a decided card has no decision buttons: ${left.join(', ')}`);
      await screenshot(page, '27-sandbox-chat-decided-card-zh-HK');
    },
  },
  {
    name: 'sandbox chat in real DingTalk mode: says it is not available and calls no sandbox route (config stubbed)',
    async run({ newPage }) {
      const { page } = await newPage({ locale: 'en-US' });
      await page.route('**/api/auth/config', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ mode: 'dingtalk', corpId: 'dingcorp', clientId: 'dingapp' }) }),
      );
      let chatCalled = false;
      page.on('request', (r) => {
        if (r.url().includes('/api/sandbox/chat')) chatCalled = true;
      });
      await page.goto('/app/sandbox');
      await expectVisible(page, 'only available when ConsultBridge runs in sandbox mode');
      assert(!chatCalled, 'no sandbox chat route is called in DingTalk mode');
    },
  },
];
