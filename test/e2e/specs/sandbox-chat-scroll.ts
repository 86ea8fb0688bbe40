import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eTest } from '../harness.js';

const HO = 'qmh-ho-wingyee'; // 何詠儀: her 1:1 chat with the bot is used by no other spec
const LAM = 'qmh-lam-kaming'; // Lam Ka-ming: the same, for the desktop run
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

async function api<T>(baseUrl: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** `n` pings from `user` in their 1:1 chat, each answered by the bot; returns how many messages the chat then has. */
async function manyMessages(baseUrl: string, user: string, n: number): Promise<number> {
  const count = async () => (await api<{ messages: unknown[] }>(baseUrl, `/api/sandbox/chat/messages?user=${user}&conversation=bot`)).messages.length;
  const start = await count();
  for (let i = 0; i < n; i++) await api(baseUrl, '/api/sandbox/chat/say', { user, text: 'ping' });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await count();
    if (now >= start + 2 * n) return now;
    assert(Date.now() < deadline, `the bot answered ${now - start - n} of ${n} pings`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the chat shows `count` messages and the newest is wholly inside the list, above the composer, on screen. */
async function newestInView(page: Page, count: number, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  for (;;) {
    const state = await page.evaluate(() => {
      const rows = document.querySelectorAll('[data-testid=chat-messages] .chat-row');
      const newest = rows[rows.length - 1]?.getBoundingClientRect();
      const list = document.querySelector('[data-testid=chat-messages]')?.getBoundingClientRect();
      const composer = document.querySelector('.chat-composer')?.getBoundingClientRect();
      return { rows: rows.length, newest: newest?.toJSON(), list: list?.toJSON(), composer: composer?.toJSON(), height: window.innerHeight };
    });
    const { newest, list, composer } = state as { newest?: DOMRect; list?: DOMRect; composer?: DOMRect };
    const ok = state.rows >= count && !!newest && !!list && !!composer
      && newest.top >= list.top - 1 && newest.bottom <= list.bottom + 1 // inside the scrolling list
      && newest.bottom <= composer.top + 1 // not under the composer
      && composer.bottom <= state.height + 1; // and the composer itself on screen
    if (ok) return;
    last = JSON.stringify(state);
    assert(Date.now() < deadline, `${what}: the newest message is not in view: ${last}`);
    await page.waitForTimeout(100);
  }
}

async function openBotChat(page: Page, user: string): Promise<void> {
  await page.getByTestId(`chat-user-${user}`).click();
  await page.getByTestId('chat-conv-bot').click();
  await page.getByTestId('chat-messages').waitFor();
}

/** Many messages, the newest in view; one more typed, in view; reload: the history is there, the newest in view. */
async function scrollRun(baseUrl: string, page: Page, user: string, size: string, shot: (name: string) => Promise<void>): Promise<void> {
  const count = await manyMessages(baseUrl, user, 20);
  await page.goto('/app/sandbox');
  await openBotChat(page, user);
  await newestInView(page, count, `${size}: after ${count} messages`);
  await shot(`sandbox-chat-newest-${size}-en`);

  await page.getByTestId('chat-input').fill('ping');
  await page.getByTestId('chat-send').click();
  await newestInView(page, count + 2, `${size}: after one more message and its answer`);

  await page.reload();
  await openBotChat(page, user);
  await newestInView(page, count + 2, `${size}: after a reload`);
  await page.getByTestId('lang-switch').click();
  await expectVisible(page, '沙盒聊天');
  await newestInView(page, count + 2, `${size}: in Chinese`);
  await shot(`sandbox-chat-history-${size}-zh-HK`);
}

export const sandboxChatScrollTests: E2eTest[] = [
  {
    name: 'sandbox chat: newest message in view above the composer after many messages and after a reload (phone 375x812)',
    async run({ newPage, screenshot, baseUrl }) {
      const { page } = await newPage({ locale: 'en-US', viewport: PHONE });
      await scrollRun(baseUrl, page, HO, 'phone', (name) => screenshot(page, name));
    },
  },
  {
    name: 'sandbox chat: newest message in view above the composer after many messages and after a reload (desktop 1280x800)',
    async run({ newPage, screenshot, baseUrl }) {
      const { page } = await newPage({ locale: 'en-US', viewport: DESKTOP });
      await scrollRun(baseUrl, page, LAM, 'desktop', (name) => screenshot(page, name));
    },
  },
];
