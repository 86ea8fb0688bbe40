import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { api } from './form-links.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // attending of the case he opens, a prescriber on its care team

/**
 * Sends `text` as a voice note (msgtype audio, DingTalk's transcript) to the bot 1:1 through the sandbox
 * chat (simulator → stream → the real bot); resolves with the confirm link of the bot's 1:1 answer.
 */
async function voiceNote(baseUrl: string, user: string, text: string, caseCode: string): Promise<string> {
  const dm = `/api/sandbox/chat/messages?user=${user}&conversation=bot`;
  const { cursor } = await api<{ cursor: number }>(baseUrl, dm);
  await api(baseUrl, '/api/sandbox/chat/say', { user, text, voice: true });
  const link = new RegExp(`/app(/doctor/voice/[A-Za-z0-9_-]+\\?case=${caseCode})\\)`);
  for (let i = 0; i < 100; i++) {
    for (const m of (await api<{ messages: Array<{ text: string }> }>(baseUrl, `${dm}&after=${cursor}`)).messages) {
      const found = link.exec(m.text);
      if (found) {
        assert(!m.text.includes('食緊'), 'the transcript is not echoed in chat');
        return found[1]!;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no voice-note link after ${JSON.stringify(text)}`);
}

async function saveAs(page: Page, as: 'note' | 'medication'): Promise<void> {
  const saved = page.waitForResponse((r) => /\/api\/app\/voice\/[^/]+\/save$/.test(r.url()));
  await page.getByTestId(`voice-save-${as}`).click();
  const res = await saved;
  assert(res.status() === 201, `saved as ${as}: ${res.status()} ${await res.text()}`);
  await page.getByTestId('voice-saved').waitFor();
}

export const voiceSummaryTests: E2eTest[] = [
  {
    name: 'voice note → case, key points: 陳大文 says “AF 病人食緊薄血丸” 1:1; the confirm page shows warfarin (exact, 1) and AF; he ticks warfarin and saves it as a medication; a second note is saved as a note; the key points list warfarin, suggest AF, he confirms it and NICE NG196 appears; phone and desktop, both languages, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const { baseUrl } = ctx;
      const caseCode = await seedCase(baseUrl, CHAN, 'V271828(6)');
      const first = await voiceNote(baseUrl, CHAN, '病人食緊薄血丸', caseCode);
      const page = await signIn(ctx, CHAN, 'en-US');
      await inLanguage(page, 'en');
      await go(page, first);
      await page.getByTestId('voice-note').waitFor();
      assert((await page.getByTestId('voice-transcript').textContent()) === '病人食緊薄血丸', 'the transcript is shown to its sender');
      const warfarin = page.getByTestId('voice-term').filter({ hasText: 'warfarin' });
      assert(((await warfarin.textContent()) ?? '').includes('薄血丸 · exact · score 1.00'), 'heard, how and score');
      assert(await page.getByTestId(`voice-case-${caseCode}`).locator('input').isChecked(), 'the case from the link is picked');
      await page.getByTestId('voice-tick-drug.warfarin').click();
      await assertNoUuid(page, 'voice note (en)');
      await bothSizes(ctx, page, 'voice-10-confirm-en');
      await inLanguage(page, 'zh-HK');
      await expectVisible(page, '完全相符');
      await bothSizes(ctx, page, 'voice-10-confirm-zh-HK');
      await inLanguage(page, 'en');
      await saveAs(page, 'medication');
      await bothSizes(ctx, page, 'voice-11-saved-en');

      // A second note, filed as a note: its AF becomes a suggestion on the key points.
      const second = await voiceNote(baseUrl, CHAN, 'AF 病人，INR 偏高', caseCode);
      await go(page, second);
      await page.getByTestId('voice-note').waitFor();
      await saveAs(page, 'note');
      await page.getByTestId('voice-to-summary').click();
      await page.getByTestId('case-summary').waitFor();
      const med = page.getByTestId('summary-medication');
      assert(((await med.textContent()) ?? '').includes('warfarin'), 'the confirmed medication is on the key points');
      await page.getByTestId('summary-note').first().waitFor();
      await page.getByTestId('summary-confirm-dx.atrial-fibrillation').click();
      await page.getByTestId('summary-problem').filter({ hasText: 'atrial fibrillation' }).waitFor();
      const guideline = page.getByTestId('summary-guideline').filter({ hasText: 'NICE NG196' });
      await guideline.waitFor();
      assert((await guideline.locator('a').getAttribute('href')) === 'https://www.nice.org.uk/guidance/ng196', 'the guideline link');
      // The sandbox's simulated EHR holds no allergy for this patient: the health record's list says so (not "unavailable").
      await page.getByTestId('summary-ehr-allergies').filter({ hasText: 'The health record lists no allergy.' }).waitFor();
      await assertNoUuid(page, 'key points (en)');
      await bothSizes(ctx, page, 'summary-10-key-points-en');
      await inLanguage(page, 'zh-HK');
      await expectVisible(page, '臨床問題（已確認）');
      await expectVisible(page, '健康紀錄未列出任何過敏。');
      await assertNoUuid(page, 'key points (zh-HK)');
      await bothSizes(ctx, page, 'summary-10-key-points-zh-HK');

      // From the case screen.
      await go(page, `/case/${caseCode}`);
      await page.getByTestId('case-summary-link').click();
      await page.getByTestId('case-summary').waitFor();
      assert(page.url().endsWith(`/app/doctor/cases/${caseCode}/summary`), `the key points' path: ${page.url()}`);
    },
  },
];
