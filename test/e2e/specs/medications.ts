import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { PHONE } from './admin-layout-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';
import { assertNoUuid, bothSizes, inLanguage } from './no-uuid-data.js';

const CHAN = 'qmh-chan-taiman'; // opens the case (attending): a prescriber on its care team

/** The form's Save, once the lookup for what is typed has answered (the button waits for it). */
async function save(page: Page): Promise<void> {
  const saved = page.waitForResponse((r) => /\/api\/cases\/[^/]+\/medications$/.test(r.url()) && r.request().method() === 'POST');
  await page.getByTestId('med-save').click();
  const res = await saved;
  assert(res.status() === 201, `the entry is saved: ${res.status()} ${await res.text()}`);
}

/** Types a name into the add form as a doctor would, key by key (the lookup runs as they type). */
async function typeName(page: Page, name: string): Promise<void> {
  await page.getByTestId('med-text').locator('input').fill('');
  await page.getByTestId('med-text').locator('input').pressSequentially(name, { delay: 40 });
}

/** Both sizes, once the last toast (saved, stopped) has gone so it hides nothing. */
async function shots(ctx: E2eContext, page: Page, name: string): Promise<void> {
  await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
  await bothSizes(ctx, page, name);
}

export const medicationTests: E2eTest[] = [
  {
    name: 'medications: 陳大文 adds 薄血丸 on his case, confirms it matched warfarin (exact), sees a transcript-style 华法令 offered as a sound-alike with its score, unticked; saves; 滅滴靈 (metronidazole) raises the case’s interaction alert, shown above the list; a name the lexicon does not know is saved as not checked for interactions; EHR import with nothing new; stops warfarin; phone and desktop, both languages, no UUID; screenshots',
    async run(ctx: E2eContext) {
      const caseCode = await seedCase(ctx.baseUrl, CHAN, 'M314159(A)');
      const page = await signIn(ctx, CHAN, 'en-US');
      await page.setViewportSize(PHONE);
      await inLanguage(page, 'en');

      // From the case screen: the Medications entry.
      await go(page, `/case/${caseCode}`);
      await page.getByTestId('case-medications').click();
      await page.getByTestId('med-screen').waitFor();
      assert(page.url().endsWith(`/app/doctor/cases/${caseCode}/medications`), `the contract's path: ${page.url()}`);
      await expectVisible(page, 'No medications recorded on this case yet.');

      // A transcript's 华法令 is a sound-alike of 華法林: offered with its score, never ticked for the doctor.
      await page.getByTestId('med-add').click();
      await typeName(page, '华法令');
      const sound = page.getByTestId('med-match-warfarin');
      await sound.waitFor();
      assert((await sound.getByTestId('med-match-how').textContent()) === 'sound-alike', 'matched by sound');
      assert(/score 0\.\d\d/.test((await sound.getByTestId('med-match-score').textContent()) ?? ''), 'the score is shown');
      assert(!(await sound.locator('input[type=checkbox]').isChecked()), 'a sound-alike match waits for the doctor’s tick');
      await shots(ctx, page, 'med-10-sound-alike-en');

      // The Cantonese colloquial name: an exact match, ticked; the doctor confirms and saves.
      await typeName(page, '薄血丸');
      const exact = page.getByTestId('med-match-warfarin');
      await page.waitForFunction(() => document.querySelector('[data-testid=med-match-warfarin] [data-testid=med-match-how]')?.textContent === 'exact');
      assert(await exact.locator('input[type=checkbox]').isChecked(), 'an exact match starts ticked');
      await page.getByTestId('med-dose').locator('input').fill('3 mg');
      await page.getByTestId('med-route').locator('input').fill('oral');
      await page.getByTestId('med-frequency').locator('input').fill('once daily');
      await page.getByTestId('med-startOn').fill('2026-12-01');
      await shots(ctx, page, 'med-11-confirm-en');
      await save(page);

      const active = page.getByTestId('med-active').filter({ hasText: '薄血丸' });
      await active.waitFor();
      const line = (await active.textContent()) ?? '';
      assert(line.includes('Checked as: warfarin'), `the matched ingredient is shown: ${line}`);
      assert(line.includes('3 mg · oral · once daily'), `dose, route and frequency as entered: ${line}`);
      assert(line.includes('CHAN Tai-man') && line.includes('Start 2026-12-01'), `prescriber by name and the start date: ${line}`);

      // Metronidazole (滅滴靈) against the active warfarin: the case's interaction alert shows above the list.
      await page.getByTestId('med-add').click();
      await typeName(page, '滅滴靈');
      await page.getByTestId('med-match-metronidazole').waitFor();
      await save(page);
      const alert = page.getByTestId('med-interaction-open');
      await alert.waitFor();
      const alertLine = (await alert.textContent()) ?? '';
      assert(/warfarin/.test(alertLine) && /metronidazole/.test(alertLine) && /Major/.test(alertLine), `the alert's pair and severity: ${alertLine}`);

      // A name nothing matches is kept, and said plainly to be unchecked.
      await page.getByTestId('med-add').click();
      await typeName(page, 'Zorblex 20mg');
      await page.getByTestId('med-no-match').waitFor();
      await save(page);
      await page.getByTestId('med-saved-unchecked').waitFor();
      const unchecked = page.getByTestId('med-active').filter({ hasText: 'Zorblex' });
      assert(((await unchecked.getByTestId('med-unchecked').textContent()) ?? '').startsWith('Not checked for interactions'), 'the entry says it is unchecked');

      // The EHR (the sandbox's simulated FHIR server) holds nothing for this patient: said so, nothing added.
      await page.getByTestId('med-import').click();
      await expectVisible(page, 'Nothing new in the EHR');
      assert((await page.locator('[data-testid=med-active]').count()) === 3, 'the import added nothing');

      await assertNoUuid(page, 'medications (en)');
      await shots(ctx, page, 'med-12-list-en');

      // Stop warfarin: it stays, as stopped, after the active ones.
      await active.getByTestId('med-stop').click();
      await page.locator('.adm-dialog-button', { hasText: 'Stop' }).click();
      await page.getByTestId('med-stopped').filter({ hasText: '薄血丸' }).waitFor();
      const order = await page.locator('[data-testid=med-active], [data-testid=med-stopped]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      assert(order.join() === 'med-active,med-active,med-stopped', `active first: ${order.join()}`);
      await shots(ctx, page, 'med-13-stopped-en');

      await inLanguage(page, 'zh-HK');
      await expectVisible(page, '已停用');
      await expectVisible(page, '未作相互作用檢查');
      await assertNoUuid(page, 'medications (zh-HK)');
      await shots(ctx, page, 'med-13-stopped-zh-HK');
      await page.getByTestId('med-add').click();
      await typeName(page, '薄血丸');
      await page.waitForFunction(() => document.querySelector('[data-testid=med-match-warfarin] [data-testid=med-match-how]')?.textContent === '完全相符');
      await shots(ctx, page, 'med-11-confirm-zh-HK');
      await typeName(page, '华法令');
      await page.waitForFunction(() => document.querySelector('[data-testid=med-match-warfarin] [data-testid=med-match-how]')?.textContent === '讀音相近');
      await shots(ctx, page, 'med-10-sound-alike-zh-HK');
    },
  },
];
