import type { Page } from 'playwright-core';
import { makePdf } from '../../fixtures/make-pdf.js';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { addConsulting } from './burn-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { api } from './form-links.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, opens the case: its attending (the bot speaks Chinese to him)
const LAM = 'qmh-lam-kaming'; // 林家明, consulting on the case
const RULE = 'ecg-stemi'; // config/consult-rules.json: an ECG flagged STEMI? → emergency cardiology referral

/** Shares an ECG flagged `STEMI?` through the case's share screen, then back to the case screen. */
async function shareFlaggedEcg(page: Page, code: string, ecgWord: string, text: string): Promise<void> {
  await go(page, `/case/${code}`);
  await page.getByTestId('case-share').click();
  await page.getByTestId('share-form').waitFor();
  await page.getByTestId('share-file').setInputFiles({ name: 'ecg.pdf', mimeType: 'application/pdf', buffer: await makePdf({ pages: 1, text }) });
  await page.getByTestId('share-type').locator('.adm-selector-item', { hasText: ecgWord }).click();
  await page.getByTestId('share-flag').locator('input').fill('STEMI?');
  await page.getByTestId('share-send').click();
  await page.getByTestId('share-done').waitFor();
  await page.getByTestId('compose-to-case').click();
  await page.getByTestId('case-view').waitFor();
}

/** Waits until `n` referral rows show on the case screen (the panel polls), each with a status word from `words`. */
async function referralsShown(page: Page, n: number, words: readonly string[]): Promise<string[]> {
  await page.waitForFunction(
    ([count, ws]) => {
      const tags = [...document.querySelectorAll('[data-testid=case-referral-status]')].map((e) => e.textContent ?? '');
      return tags.length === count && tags.every((t) => ws.includes(t));
    },
    [n, words] as const,
    { timeout: 15_000 },
  );
  return page.getByTestId('case-referral-status').allTextContents();
}

/** The attending's 1:1 chat with the bot: the rule's notice names the rule and the case code only. */
async function attendingTold(baseUrl: string, code: string, times: number): Promise<string[]> {
  for (let i = 0; i < 150; i++) {
    const { messages } = await api<{ messages: Array<{ text: string }> }>(baseUrl, `/api/sandbox/chat/messages?user=${CHAN}&conversation=bot`);
    const told = messages.map((m) => m.text).filter((t) => t.includes(`會診規則（${RULE}）`) && t.includes(code));
    if (told.length >= times) return told;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the attending was not told ${times}× about ${RULE} on ${code}`);
}

const SENT_EN = ['Sent', 'Seen', 'Accepted', 'Escalated'];
const SENT_ZH = ['已發送', '已查閱', '已接受', '已升級'];

export const ruleReferralTests: E2eTest[] = [
  {
    name: 'rule-triggered referral: 林家明 shares an ECG flagged STEMI? from the mini-app (English) and the ecg-stemi rule opens an emergency cardiology referral by itself: the case screen lists it with its status and tags the ECG; the attending 陳大文 is told 1:1 (rule and case code only); he shares a second flagged ECG in Chinese and the rule fires once more for that item only; phone and desktop, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const { id: group } = await api<{ id: string }>(ctx.baseUrl, '/api/sandbox/chat/groups', { user: CHAN, title: 'Rule referral e2e', memberIds: [LAM] });
      const code = await seedCase(ctx.baseUrl, CHAN, 'K135792(1)', group);
      await addConsulting(ctx.baseUrl, CHAN, code, [LAM], group);

      // English: the consulting doctor shares the flagged ECG; no one refers by hand.
      const lam = await signIn(ctx, LAM, 'en-US');
      await inLanguage(lam, 'en');
      await shareFlaggedEcg(lam, code, 'ECG', 'ECG 12-lead (rule e2e, en)');
      const enStatus = await referralsShown(lam, 1, SENT_EN);
      const row = (await lam.getByTestId('case-referral').first().textContent()) ?? '';
      assert(row.includes('Cardiology') && row.includes('Emergency'), `the rule's emergency cardiology referral is listed: ${row} (${enStatus.join()})`);
      const ecgRow = lam.getByTestId('case-document').filter({ hasText: 'ECG' });
      const tag = (await ecgRow.getByTestId('consult-trigger').first().textContent()) ?? '';
      assert(tag.includes('Triggered consult') && tag.includes(RULE), `the ECG row is tagged with the rule: ${tag}`);
      await assertNoUuid(lam, 'case screen after a rule-triggered referral (en)');
      await bothSizes(ctx, lam, 'rule-ref-01-case-en');

      // The attending was told, in his language, without patient data.
      const told = await attendingTold(ctx.baseUrl, code, 1);
      assert(!told.some((t) => t.includes('K135792')), 'no HKID in chat');

      // The tag leads to the referral, whose screen says a rule opened it.
      await ecgRow.getByTestId('consult-trigger').first().click();
      await lam.getByTestId('referral-status').waitFor();
      assert(((await lam.locator('body').textContent()) ?? '').includes(`Consult rule ${RULE}`), 'the referral screen names the rule as its source');
      await bothSizes(ctx, lam, 'rule-ref-02-referral-en');

      // Chinese: the attending sees the same on his case screen, then shares a second flagged ECG.
      const chan = await signIn(ctx, CHAN, 'zh-HK');
      await inLanguage(chan, 'zh-HK');
      await go(chan, `/case/${code}`);
      await referralsShown(chan, 1, SENT_ZH);
      const zhTag = (await chan.getByTestId('consult-trigger').first().textContent()) ?? '';
      assert(zhTag.includes('已觸發會診') && zhTag.includes(RULE), `the tag in Chinese: ${zhTag}`);
      await shareFlaggedEcg(chan, code, '心電圖', 'ECG repeat (rule e2e, zh)');
      await referralsShown(chan, 2, SENT_ZH);
      await chan.getByTestId('consult-trigger').nth(1).waitFor();
      assert((await chan.getByTestId('consult-trigger').count()) === 2, 'one tag per triggering ECG');
      assert((await chan.getByTestId('case-document').count()) === 2, 'both ECGs on the case');
      await attendingTold(ctx.baseUrl, code, 2);
      await assertNoUuid(chan, 'case screen after the second rule-triggered referral (zh-HK)');
      await bothSizes(ctx, chan, 'rule-ref-03-case-zh-HK');
    },
  },
];
