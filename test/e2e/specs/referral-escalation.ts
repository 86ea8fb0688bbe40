import type { Page } from 'playwright-core';
import { DEMO_ROSTER } from '../../../src/sandbox/demo-roster.js';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { withOwnService } from '../own-service.js';
import { PHONE } from './admin-layout-data.js';
import { seedSharedReport } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';
import { statusOf } from './referrals.js';

const CHAN = 'qmh-chan-taiman'; // QMH cardiologist, attending of the case, refers it
const NG = DEMO_ROSTER.first; // HPH cardiology first call: lets the window pass
const KWOK = DEMO_ROSTER.second; // second call: the referral is handed to him, he accepts
const REASON = 'Posterior STEMI suspected; ongoing chest pain. Please review for PCI.';
// The service's own setting: one minute to accept an urgent referral (the escalation engine looks every 15 s).
const ENV = { REFERRAL_WINDOW_URGENT_MINUTES: '1' };
const ESCALATION_WAIT_MS = 150_000;
// `why C-…` names the consult grant the acceptance gave (src/domain/access/access-sentences.ts).
const GRANT = { 'zh-HK': '你持有此個案有效的會診授權', en: 'You hold a live consult grant for this case' } as const;

/** Waits (the list polls the service) until the case screen's referral row reads `status` and names `who`; returns its text. */
async function rowReads(page: Page, status: string, who: string, timeout: number): Promise<string> {
  await page.waitForFunction(
    ([s, w]) => [...document.querySelectorAll('[data-testid=case-referral]')].some((e) => e.querySelector('[data-testid=case-referral-status]')?.textContent === s && (e.textContent ?? '').includes(w)),
    [status, who] as const,
    { timeout, polling: 500 },
  );
  return (await page.getByTestId('case-referral').first().textContent()) ?? '';
}

/** Types `text` to the bot in the open 1:1 chat and returns the bot's reply that contains `answer`. */
async function ask(chat: Page, text: string, answer: string): Promise<string> {
  await chat.getByTestId('chat-input').fill(text);
  await chat.getByTestId('chat-send').click();
  const reply = chat.getByTestId('chat-msg-bot').filter({ hasText: answer }).last();
  await reply.waitFor({ timeout: 20_000 });
  return (await reply.textContent()) ?? '';
}

/** Switches the mini-app's language with the header switch and waits until it is saved as the user's preference (the bot follows it). */
async function switchSaved(page: Page, lang: 'en' | 'zh-HK'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
  await inLanguage(page, lang);
  assert((await saved).ok(), `the language preference ${lang} is saved`);
}

async function escalationRun(own: E2eContext): Promise<void> {
  const { caseCode: code } = await seedSharedReport(own.baseUrl, CHAN, 'E314159(8)');

  // Dr Chan refers from the case screen: cardiology at HPH, urgent (the form's default), a written reason.
  const page = await signIn(own, CHAN, 'en-US');
  await page.setViewportSize(PHONE);
  await inLanguage(page, 'en');
  await go(page, `/case/${code}`);
  await page.getByTestId('case-refer').click();
  await page.getByTestId('refer-institution').locator('input').fill('HPH');
  await page.getByTestId('refer-reason').locator('textarea').fill(REASON);
  await page.getByTestId('refer-send').click();
  const sent = await rowReads(page, 'Sent', 'NG Chi-ho', 15_000);
  assert(sent.includes('Urgent') && sent.includes('HPH'), `an urgent referral to HPH, with the first call: ${sent}`);
  await bothSizes(own, page, 'rfe-01-sent-to-first-call-en');
  await page.getByTestId('case-referral').first().click();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await go(page, `/case/${code}`);
  // Both cardiologists sign in while the window runs (the second call's own window is a minute too).
  const ng = await signIn(own, NG, 'en-US');
  const kwok = await signIn(own, KWOK, 'zh-HK');
  await kwok.setViewportSize(PHONE);
  await inLanguage(kwok, 'zh-HK');

  // Dr Ng does nothing. After the one-minute window the escalation engine hands it to the second call;
  // the requester's list (polled) shows it, in both languages.
  const escalated = await rowReads(page, 'Escalated', 'KWOK Wai-lun', ESCALATION_WAIT_MS);
  assert(!escalated.includes('NG Chi-ho'), `no longer with the first call: ${escalated}`);
  await assertNoUuid(page, 'case screen, escalated referral (en)');
  await bothSizes(own, page, 'rfe-02-escalated-en');
  await inLanguage(page, 'zh-HK');
  await rowReads(page, '已升級', '郭偉倫', 15_000);
  await bothSizes(own, page, 'rfe-02-escalated-zh-HK');

  // The first call may no longer answer it (it waits for Dr Kwok now).
  await go(ng, `/referral/${id}`);
  await ng.locator('[data-testid=referral-error], [data-testid=referral-status]').first().waitFor();
  assert((await ng.getByTestId('referral-accept').count()) === 0, 'the first call has no Accept button any more');

  // Dr Kwok (Chinese by preference) opens it from the mini-app (seen) and accepts.
  await go(kwok, `/referral/${id}`);
  await statusOf(kwok, 'referral-status', '已查閱');
  assert(((await kwok.getByTestId('referral-reason').textContent()) ?? '').includes('ongoing chest pain'), 'the second call reads the reason');
  await assertNoUuid(kwok, 'referral screen, second call (zh-HK)');
  await bothSizes(own, kwok, 'rfe-03-second-call-zh-HK');
  await kwok.getByTestId('referral-accept').click();
  await statusOf(kwok, 'referral-status', '已接受');
  assert((await kwok.getByTestId('referral-accept').count()) === 0, 'answered once: no more buttons');
  await bothSizes(own, kwok, 'rfe-04-accepted-zh-HK');

  // The requester's status turns accepted live.
  await rowReads(page, '已接受', '郭偉倫', 15_000);
  await assertNoUuid(page, 'case screen, accepted referral (zh-HK)');
  await bothSizes(own, page, 'rfe-05-requester-accepted-zh-HK');
  await inLanguage(page, 'en');
  await rowReads(page, 'Accepted', 'KWOK Wai-lun', 15_000);
  await bothSizes(own, page, 'rfe-05-requester-accepted-en');

  // `why C-…` in his 1:1 chat with the bot names the consult grant: in Chinese (his preference), then in
  // English once he switches the mini-app to English.
  const { page: chat } = await own.newPage({ locale: 'zh-HK', viewport: PHONE });
  await chat.goto('/app/sandbox');
  await chat.getByTestId(`chat-user-${KWOK}`).click();
  await chat.getByTestId('chat-conv-bot').click();
  await chat.getByTestId('chat-messages').waitFor();
  await inLanguage(chat, 'zh-HK');
  const zh = await ask(chat, `為何 ${code}`, GRANT['zh-HK']);
  assert(!zh.includes(GRANT.en), `the answer is in Chinese: ${zh}`);
  await assertNoUuid(chat, 'sandbox chat, why (zh-HK)');
  await bothSizes(own, chat, 'rfe-06-why-grant-zh-HK');

  await switchSaved(kwok, 'en');
  await statusOf(kwok, 'referral-status', 'Accepted');
  await bothSizes(own, kwok, 'rfe-04-accepted-en');
  await inLanguage(chat, 'en');
  const en = await ask(chat, `why ${code}`, GRANT.en);
  assert(!en.includes(GRANT['zh-HK']), `the answer is in English: ${en}`);
  await assertNoUuid(chat, 'sandbox chat, why (en)');
  await bothSizes(own, chat, 'rfe-06-why-grant-en');
}

export const referralEscalationTests: E2eTest[] = [
  {
    name: 'referral escalation: 陳大文 refers urgently to cardiology at HPH; the first call lets the one-minute window pass; the case screen shows it escalated to the second call 郭偉倫, who opens and accepts it; the requester sees accepted; `why C-…` in the chat names the consult grant; both languages, phone and desktop, no UUID (its own service, REFERRAL_WINDOW_URGENT_MINUTES=1)',
    run: (ctx) => withOwnService(ctx, ENV, 'referral-escalation', escalationRun),
  },
];
