import { makePdf } from '../../fixtures/make-pdf.js';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { addConsulting } from './burn-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending; reads Chinese
const LAM = 'qmh-lam-kaming'; // 林家明, consulting; reads Chinese
const WONG = 'hph-wong-siuming'; // 黃小明, family doctor; reads English
const MESSAGE = 'Troponin 2,300 ng/L at 14:10 — please review ECG now';

async function post<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** `@ConsultBridge <text>` in the group; the in-app route of the mini-app link the bot answered with (no token in it). */
async function botLink(baseUrl: string, user: string, group: string, text: string, screen: RegExp): Promise<string> {
  const said = await post<{ replies: Array<{ text: string }> }>(baseUrl, '/sandbox/say', { user, group, text: `@ConsultBridge ${text}`, waitMs: 5000 });
  for (const r of said.replies) {
    const m = new RegExp(`/app(${screen.source})\\)`).exec(r.text);
    if (m) return m[1]!;
  }
  throw new Error(`no ${screen} link in the bot's answers: ${JSON.stringify(said.replies)}`);
}

export const composeTests: E2eTest[] = [
  {
    name: 'compose: 陳大文 follows the bot’s links to share a report (a wrong file is refused in words) and send a burn message; 林家明 reads it; the allergy link opened fresh signs in first, then the form; both languages; screenshots',
    async run(ctx: E2eContext) {
      // A consult group of its own (a group holds one case), with Dr Lam on the care team.
      const { id: group } = await post<{ id: string }>(ctx.baseUrl, '/api/sandbox/chat/groups', { user: CHAN, title: 'Compose e2e', memberIds: [LAM, WONG] });
      const caseCode = await seedCase(ctx.baseUrl, CHAN, 'E246810(0)', group);
      await addConsulting(ctx.baseUrl, CHAN, caseCode, [LAM], group);

      // Share: the bot's answer leads to the case's share screen, where Dr Chan picks the file.
      const shareRoute = await botLink(ctx.baseUrl, CHAN, group, `share ${caseCode}`, new RegExp(`/case/${caseCode}/share`));
      const chan = await signIn(ctx, CHAN, 'zh-HK');
      await go(chan, shareRoute);
      await chan.getByTestId('share-form').waitFor();
      await chan.getByTestId('share-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a report') });
      await chan.getByTestId('share-send').click();
      await chan.getByTestId('compose-error').waitFor();
      await expectVisible(chan, '只接受 PDF、JPEG 及 PNG 檔案。');
      const pdf = await makePdf({ pages: 1, text: 'Stress echo report (compose e2e)' });
      await chan.getByTestId('share-file').setInputFiles({ name: 'stress-echo.pdf', mimeType: 'application/pdf', buffer: pdf });
      await expectVisible(chan, 'stress-echo.pdf');
      await ctx.screenshot(chan, '50-compose-share-zh-HK');
      await chan.getByTestId('share-send').click();
      await chan.getByTestId('share-done').waitFor();
      const documentId = await chan.locator('[data-document-id]').getAttribute('data-document-id');
      assert(!!documentId, 'the share answered with the document id');
      await ctx.screenshot(chan, '51-compose-shared-zh-HK');
      await chan.getByTestId('compose-to-case').click();
      await chan.getByTestId('case-document').first().waitFor();
      assert((await chan.getByTestId('case-document').count()) === 1, 'the report is on the case');

      // The same screen in English, from the case's button.
      await chan.getByTestId('lang-switch').click();
      await chan.getByTestId('case-share').click();
      await chan.getByTestId('share-form').waitFor();
      await expectVisible(chan, 'Choose a PDF, JPEG or PNG');
      // A second report, marked restricted (mental health): shared like the first, in English.
      await chan.getByTestId('share-file').setInputFiles({ name: 'psych-note.pdf', mimeType: 'application/pdf', buffer: await makePdf({ pages: 1, text: 'Psychiatry note (compose e2e)' }) });
      await chan.getByTestId('share-restricted').locator('.adm-selector-item', { hasText: 'Mental health' }).click();
      await ctx.screenshot(chan, '52-compose-share-en');
      await chan.getByTestId('share-send').click();
      await chan.getByTestId('share-done').waitFor();
      await chan.getByTestId('compose-to-case').click();
      await chan.getByTestId('case-document').nth(1).waitFor();
      assert((await chan.getByTestId('case-document').count()) === 2, 'both reports are on the case');
      await chan.getByTestId('lang-switch').click();

      // Burn: `burn C-… 2m` leads to the burn screen with 2 min chosen; Dr Lam gets it in his inbox.
      const burnRoute = await botLink(ctx.baseUrl, CHAN, group, `burn ${caseCode} 2m`, new RegExp(`/case/${caseCode}/burn\\?after=120`));
      await go(chan, burnRoute);
      await chan.getByTestId('burn-form').waitFor();
      assert((await chan.getByTestId('burn-after').locator('.adm-selector-item-active').textContent()) === '2 min', 'the linked burn time is chosen');
      await chan.getByTestId('burn-compose-text').locator('textarea').first().fill(MESSAGE);
      await chan.locator('[data-testid=burn-send]:not([disabled])').waitFor();
      await ctx.screenshot(chan, '53-compose-burn-zh-HK');
      await chan.getByTestId('burn-send').click();
      await chan.getByTestId('burn-done').waitFor();
      await expectVisible(chan, '收件人數: 1');
      assert(!(await chan.content()).includes('Troponin'), 'the sent text is not kept on the screen');
      await ctx.screenshot(chan, '54-compose-burn-sent-zh-HK');

      const lam = await signIn(ctx, LAM, 'zh-HK');
      await lam.getByTestId(`burn-item-${caseCode}`).click();
      await lam.getByTestId('burn-text').waitFor();
      assert((await lam.getByTestId('burn-text').textContent()) === MESSAGE, 'Dr Lam reads the message');

      // The burn screen in English.
      await chan.getByTestId('lang-switch').click();
      await chan.getByTestId('compose-to-case').click();
      await chan.getByTestId('case-burn').click();
      await chan.getByTestId('burn-form').waitFor();
      await expectVisible(chan, 'Burns after opening');
      await ctx.screenshot(chan, '55-compose-burn-en');

      // The allergy link opened fresh (no session): the app signs Dr Chan in first, then shows the form
      // itself with the server's choices; in English, then Chinese.
      const alertRoute = await botLink(ctx.baseUrl, CHAN, group, `allergy-alert ${caseCode}`, new RegExp(`/case/${caseCode}/alert`));
      const { page: form } = await ctx.newPage({ locale: 'en-US', viewport: { width: 390, height: 844 } });
      await form.goto(`/app${alertRoute}`);
      await form.getByTestId('demo-picker').waitFor();
      assert((await form.getByTestId('alert-form').count()) === 0, 'no form before sign-in');
      await form.getByTestId(`demo-user-${CHAN}`).click();
      await form.getByTestId('alert-form').waitFor();
      assert(new URL(form.url()).pathname === `/app${alertRoute}`, `landed on the link's screen: ${form.url()}`);
      await form.getByTestId('alert-substance').locator('input').fill('Penicillin V');
      await form.getByTestId('alert-severity').getByText('Severe').click();
      await expectVisible(form, 'Give the reaction when you give a severity.');
      assert(await form.getByTestId('alert-send').isDisabled(), 'a severity without a reaction cannot be sent');
      await form.getByTestId('alert-reaction').locator('input').fill('Anaphylaxis');
      await form.getByTestId('alert-criticality').getByText('High').click();
      assert(!(await form.getByTestId('alert-send').isDisabled()), 'the filled form can be sent');
      await ctx.screenshot(form, '56-compose-alert-en');
      await form.getByTestId('lang-switch').click();
      await expectVisible(form, '致敏物 *');
      await ctx.screenshot(form, '57-compose-alert-zh-HK');
    },
  },
];
