import type { Page } from 'playwright-core';
import { assert, type E2eContext, type E2eTest } from '../harness.js';
import { PHONE } from './admin-layout-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // QMH cardiologist, attending of the case, refers it
const NG = 'hph-ng-chiho'; // first call, HPH cardiology (the sandbox's demo roster)
const REASON = 'Inferior STEMI on ECG at 03:10; troponin rising. Please review for PCI.';

/** Waits until an element with the test id reads exactly `want` (the screens poll the service). */
export async function statusOf(page: Page, testId: string, want: string): Promise<void> {
  await page.waitForFunction(([id, w]) => [...document.querySelectorAll(`[data-testid=${id}]`)].some((e) => e.textContent === w), [testId, want] as const, { timeout: 15_000 });
}

export const referralTests: E2eTest[] = [
  {
    name: 'referral: 陳大文 refers his case from the case screen to cardiology at HPH, urgent, with a written reason; the first-call cardiologist on the demo roster opens it (seen), reads the reason and accepts; the requester’s list turns to accepted live; phone and desktop, both languages, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const code = await seedCase(ctx.baseUrl, CHAN, 'R271828(5)');

      const page = await signIn(ctx, CHAN, 'zh-HK');
      await page.setViewportSize(PHONE);
      await inLanguage(page, 'zh-HK');
      await go(page, `/case/${code}`);
      await page.getByTestId('case-refer').click();
      await page.getByTestId('refer-form').waitFor();
      await page.getByTestId('refer-institution').locator('input').fill('HPH');
      await page.getByTestId('refer-reason').locator('textarea').fill(REASON);
      await bothSizes(ctx, page, 'rf-01-refer-form-zh-HK');
      await inLanguage(page, 'en');
      await bothSizes(ctx, page, 'rf-01-refer-form-en');
      await page.getByTestId('refer-send').click();
      await statusOf(page, 'case-referral-status', 'Sent');
      const listed = (await page.getByTestId('case-referral').first().textContent()) ?? '';
      assert(listed.includes('Cardiology') && listed.includes('HPH') && listed.includes('NG Chi-ho'), `the referral listed with its assignee by name: ${listed}`);
      await assertNoUuid(page, 'case screen with a referral (en)');
      await bothSizes(ctx, page, 'rf-02-sent-en');

      // The assignee opens it from the card's [Open]: it is seen, he reads the reason and accepts.
      await page.getByTestId('case-referral').first().click();
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const ng = await signIn(ctx, NG, 'en-US');
      await ng.setViewportSize(PHONE);
      await inLanguage(ng, 'en');
      await go(ng, `/referral/${id}`);
      await statusOf(ng, 'referral-status', 'Seen');
      assert(((await ng.getByTestId('referral-reason').textContent()) ?? '').includes('troponin rising'), 'the assignee reads the reason');
      await assertNoUuid(ng, 'referral screen, assignee (en)');
      await bothSizes(ctx, ng, 'rf-03-assignee-en');
      await inLanguage(ng, 'zh-HK');
      await statusOf(ng, 'referral-status', '已查閱');
      await bothSizes(ctx, ng, 'rf-03-assignee-zh-HK');
      await ng.getByTestId('referral-accept').click();
      await statusOf(ng, 'referral-status', '已接受');
      assert((await ng.getByTestId('referral-accept').count()) === 0, 'answered once: no more buttons');
      await bothSizes(ctx, ng, 'rf-04-accepted-zh-HK');

      // The requester's screen follows live (polled): accepted.
      await inLanguage(page, 'zh-HK');
      await statusOf(page, 'referral-status', '已接受');
      await assertNoUuid(page, 'referral screen, requester (zh-HK)');
      await bothSizes(ctx, page, 'rf-05-requester-accepted-zh-HK');
      await inLanguage(page, 'en');
      await statusOf(page, 'referral-status', 'Accepted');
      await bothSizes(ctx, page, 'rf-05-requester-accepted-en');
    },
  },
];
