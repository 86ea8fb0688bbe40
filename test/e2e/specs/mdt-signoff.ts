import type { Page } from 'playwright-core';
import { hkDate } from '../../../src/shared/hk-time.js';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { botLinkAfter } from './form-links.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';
import { caseMeetingLine, consoleMdtStep, pickDueDate } from './mdt-steps.js';

const CHAN = 'qmh-chan-taiman'; // opens the case (attending) and books the meeting (presenting doctor)

const TRANSCRIPT = (day: string) => ['一、問題', '心房顫動、高血壓', 'Medications: warfarin', 'Decisions:', '- Continue anticoagulation', 'Actions:', `- @陳大文 repeat echo by ${day}`].join('\n');

async function decide(page: Page, button: 'mdt-approve'): Promise<void> {
  const done = page.waitForResponse((r) => /\/api\/app\/mdt\/[^/]+\/decision$/.test(r.url()));
  await page.getByTestId(button).click();
  const res = await done;
  assert(res.status() === 200, `decision: ${res.status()} ${await res.text()}`);
  await page.getByTestId('mdt-notice').waitFor();
}

export const mdtSignoffTests: E2eTest[] = [
  {
    name: 'MDT meeting: 陳大文 books `mdt C-… <date> 14:00` in the group; on the meeting screen he pastes the minutes, the summary is pre-filled by rules (owner 陳大文, due date, 心房顫動 → atrial fibrillation, warfarin), he moves the due date on the HK date wheel, sends it for sign-off (the case screen lists the meeting "step 1 of 2"; the console’s MDT page lists it, highlighted as stuck at a 0-day threshold) and approves both steps (presenter, attending); it is archived (the case screen says so), the inbox counts the open action, and it shows in My MDT actions, marked done; phone and desktop, both languages, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const { baseUrl } = ctx;
      const caseCode = await seedCase(baseUrl, CHAN, 'M314159(A)');
      const day = hkDate(Date.now() + 2 * 86_400_000);
      const link = await botLinkAfter(baseUrl, CHAN, 'aeHandover', `@ConsultBridge mdt ${caseCode} ${day} 14:00`, /\/doctor\/mdt\/[0-9a-f-]{36}/);
      const page = await signIn(ctx, CHAN, 'en-US');
      await inLanguage(page, 'en');
      await go(page, link);
      await page.getByTestId('mdt-meeting').waitFor();
      await expectVisible(page, 'Booked — no minutes yet');
      await page.getByTestId('mdt-transcript').getByRole('textbox').fill(TRANSCRIPT(day));
      await page.getByTestId('mdt-prefill').click();
      await page.getByTestId('mdt-summary').waitFor();
      assert((await page.getByTestId('mdt-action-text-0').locator('input').inputValue()) === `repeat echo by ${day}`, 'the action text without the @-name');
      const owner = page.getByTestId('mdt-action-owner-0');
      assert(((await owner.locator('option:checked').textContent()) ?? '').includes('陳大文'), 'the owner from the @-name');
      assert(((await page.getByTestId('mdt-action-due-0').textContent()) ?? '').trim() === day, 'the due date from the line, shown the HK way');
      // The due date is moved a day later on the HK date wheel (not the browser's date input).
      const due = hkDate(Date.now() + 3 * 86_400_000);
      await pickDueDate(ctx, page, 0, due);
      await expectVisible(page, '心房顫動 → atrial fibrillation · lexicon');
      await expectVisible(page, 'no language model');
      await assertNoUuid(page, 'MDT minutes (en)');
      await bothSizes(ctx, page, 'mdt-10-minutes-en');
      await inLanguage(page, 'zh-HK');
      await expectVisible(page, '按規則預填');
      await bothSizes(ctx, page, 'mdt-10-minutes-zh-HK');
      await inLanguage(page, 'en');

      const submitted = page.waitForResponse((r) => /\/api\/app\/mdt\/[^/]+\/submit$/.test(r.url()));
      await page.getByTestId('mdt-submit').click();
      assert((await submitted).status() === 200, 'sent for sign-off');
      await page.getByTestId('mdt-my-step').waitFor();
      assert((await page.getByTestId('mdt-step').count()) === 2, 'presenter and attending (no department head among the participants: the optional step is left out)');
      const meetingAt = Date.parse(`${day}T14:00:00+08:00`);
      await caseMeetingLine(ctx, page, caseCode, meetingAt, { en: 'In sign-off', zh: '簽核中' }, 'step 1 of 2 · waiting on', '11a-in-approval');
      await page.getByTestId('mdt-my-step').waitFor();
      await consoleMdtStep(ctx, caseCode, 'CHAN Tai-man');
      await bothSizes(ctx, page, 'mdt-11-signoff-en');
      await inLanguage(page, 'zh-HK');
      await expectVisible(page, '正等候你簽核。');
      await bothSizes(ctx, page, 'mdt-11-signoff-zh-HK');
      await inLanguage(page, 'en');
      await decide(page, 'mdt-approve');
      await page.getByTestId('mdt-my-step').waitFor();
      await decide(page, 'mdt-approve');
      await expectVisible(page, 'Approved. The summary is archived to the case.');
      await page.getByTestId('mdt-document').waitFor();
      await expectVisible(page, 'Signed off and archived');
      // Every participant sees the actions tracked on the meeting: owner, the picked due date, open.
      const tracked = page.getByTestId('mdt-tracked-action').filter({ hasText: `repeat echo by ${day}` });
      assert(((await tracked.textContent()) ?? '').includes(due) && ((await tracked.textContent()) ?? '').includes('Open'), `the tracked action: ${await tracked.textContent()}`);
      await assertNoUuid(page, 'MDT signed off (en)');
      await bothSizes(ctx, page, 'mdt-12-archived-en');
      await caseMeetingLine(ctx, page, caseCode, meetingAt, { en: 'Signed off and archived', zh: '已簽核並存檔' }, null, '12a-archived');

      // The inbox counts the open action (due in 3 days: not overdue) and opens My MDT actions.
      await go(page, '/inbox');
      const line = page.getByTestId('inbox-mdt-actions');
      await line.filter({ hasText: '1 open MDT actions' }).waitFor();
      assert((await page.getByTestId('inbox-mdt-overdue').count()) === 0, 'not overdue');
      await bothSizes(ctx, page, 'mdt-12b-inbox-en');
      await inLanguage(page, 'zh-HK');
      await line.filter({ hasText: '1 項未完成的多專科會議跟進' }).waitFor();
      await bothSizes(ctx, page, 'mdt-12b-inbox-zh-HK');
      await inLanguage(page, 'en');
      await line.click();
      const action = page.getByTestId('mdt-my-action').filter({ hasText: `repeat echo by ${day}` });
      await action.waitFor();
      assert(((await action.textContent()) ?? '').includes(caseCode) && ((await action.textContent()) ?? '').includes(due), 'the case code and the picked due date are shown with the action');
      await assertNoUuid(page, 'My MDT actions (en)');
      await bothSizes(ctx, page, 'mdt-13-actions-en');
      await inLanguage(page, 'zh-HK');
      await expectVisible(page, '我的多專科會議跟進');
      await bothSizes(ctx, page, 'mdt-13-actions-zh-HK');
      await action.getByRole('button').click();
      await action.filter({ hasText: '已完成' }).waitFor();
    },
  },
];
