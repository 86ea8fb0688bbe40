import { makePdf } from '../../fixtures/make-pdf.js';
import { assert, expectText, type E2eContext, type E2eTest } from '../harness.js';
import { shareFromApp } from './compose-data.js';
import { go, signIn } from './doctor-flow.js';
import { api, botLinkAfter } from './form-links.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, QMH cardiologist: opens the case, attending
const WONG = 'hph-wong-siuming'; // in the group, not on the team: no banner
const SCREENS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } } as const;
const RECORD = 'HN20261207';

/** The banner as it reads now, on both screens, saved as `<name>-phone|desktop`. */
async function bannerShots(ctx: E2eContext, page: Awaited<ReturnType<typeof signIn>>, code: string, name: string): Promise<void> {
  for (const [screen, size] of Object.entries(SCREENS)) {
    await page.setViewportSize(size);
    await go(page, '/me');
    await go(page, `/case/${code}`);
    await page.getByTestId('patient-banner').waitFor();
    await expectText(page, 'patient-banner-record', RECORD);
    await ctx.screenshot(page, `${name}-${screen}`);
  }
}

export const bannerSexRecordTests: E2eTest[] = [
  {
    name: 'patient banner with sex and record number: 陳大文 enters both on the case-open form; the banner shows them in words (女 / Female) with QMH’s record number, phone and desktop, both languages; an outsider sees none; screenshots',
    async run(ctx) {
      const { baseUrl } = ctx;
      const { id: group } = await api<{ id: string }>(baseUrl, '/api/sandbox/chat/groups', { user: CHAN, title: 'Banner sex e2e', memberIds: [WONG] });
      const path = await botLinkAfter(baseUrl, CHAN, group, '@ConsultBridge case open', /\/app\/form\/case-open\/[A-Za-z0-9_-]+/);

      const chan = await signIn(ctx, CHAN, 'zh-HK');
      await chan.setViewportSize(SCREENS.phone);
      await go(chan, path.replace(/^\/app/, ''));
      await chan.getByTestId('form-case-open').waitFor();
      await chan.locator('[data-testid=form-hkid] input').fill('K141421(6)');
      await chan.locator('[data-testid=form-nameEn] input').fill('SEX Record');
      await chan.locator('[data-testid=form-nameZh] input').fill('性別測試');
      await chan.locator('[data-testid=form-dob] input').fill('1961-07-08');
      await chan.getByTestId('form-sex-female').click();
      await chan.locator('[data-testid=form-recordNumber] input').fill(RECORD);
      await ctx.screenshot(chan, 'banner-sex-record-form-zh-HK-phone');
      await chan.getByTestId('form-submit').click();
      await chan.getByTestId('form-done').waitFor();
      const code = ((await chan.getByTestId('form-case-code').textContent()) ?? '').trim();
      assert(/^C-[A-Z0-9]{5}$/.test(code), `the case code is shown: ${code}`);
      // The banner's rule needs a record to open: a shared report.
      await shareFromApp(baseUrl, CHAN, code, await makePdf({ pages: 1, text: 'Banner sex/record (e2e)' }));

      await bannerShots(ctx, chan, code, 'banner-sex-record-zh-HK');
      await expectText(chan, 'patient-banner-sex', '女');
      assert(((await chan.getByTestId('patient-banner').textContent()) ?? '').includes('QMH 病歷號碼'), 'the number is labelled with its institution');
      await chan.getByTestId('lang-switch').click();
      await expectText(chan, 'patient-banner-sex', 'Female');
      await bannerShots(ctx, chan, code, 'banner-sex-record-en');
      assert(((await chan.getByTestId('patient-banner').textContent()) ?? '').includes('QMH Record no.'), 'the number is labelled with its institution (en)');

      // The chat heard the case code only.
      const feed = await api<{ messages: Array<{ text: string }> }>(baseUrl, `/api/sandbox/chat/messages?user=${CHAN}&conversation=${encodeURIComponent(group)}`);
      const said = feed.messages.map((m) => m.text).join('\n');
      for (const secret of [RECORD, 'SEX Record', '性別測試']) assert(!said.includes(secret), `no ${secret} in the group`);

      // Dr Wong, in the group but not on the team: the case screen shows him no banner.
      const wong = await signIn(ctx, WONG, 'en-US');
      await wong.setViewportSize(SCREENS.phone);
      await go(wong, `/case/${code}`);
      await wong.getByTestId('case-error').or(wong.getByTestId('case-view')).first().waitFor();
      assert((await wong.getByTestId('patient-banner').count()) === 0, 'no banner for an outsider');
      assert(!((await wong.locator('body').innerText()).includes(RECORD)), 'no record number for an outsider');
    },
  },
];
