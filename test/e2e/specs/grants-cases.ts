import type { Page } from 'playwright-core';
import { assert, expectVisible, type E2eContext, type E2eTest } from '../harness.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { appToken } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending (reads Chinese)
const WONG = 'hph-wong-siuming'; // WONG Siu-ming, private hospital, not on the team (reads English)
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

async function callAs<T>(baseUrl: string, userId: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Answers an antd-mobile confirm dialog with its confirm button. */
async function confirm(page: Page): Promise<void> {
  await page.locator('.adm-dialog-button-bold').click();
  await page.locator('.adm-dialog-button-bold').waitFor({ state: 'detached' });
}

/** Shots of the page as it is, on a phone and on a desktop. */
async function both(ctx: E2eContext, page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await ctx.screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await ctx.screenshot(page, `${name}-desktop`);
}

export const grantCaseTests: E2eTest[] = [
  {
    name: 'grants and cases: 陳大文 shares an imaging document with a title, approves 黃小明 for 24 h, revokes it from the case screen, closes and re-opens the case; 黃小明 sees why he has no Share/Burn/Alert; both languages; phone and desktop; screenshots',
    async run(ctx: E2eContext) {
      const { id: group } = await callAs<{ id: string }>(ctx.baseUrl, CHAN, '/api/sandbox/chat/groups', { user: CHAN, title: 'Grants e2e', memberIds: [WONG] });
      const caseCode = await seedCase(ctx.baseUrl, CHAN, `F271828(${hkidCheckChar('F', '271828')})`, group);

      // Dr Chan shares an imaging report with a title (the title travels in a body, shown only here).
      const chan = await signIn(ctx, CHAN, 'zh-HK');
      await go(chan, `/case/${caseCode}/share`);
      await chan.getByTestId('share-form').waitFor();
      await chan.getByTestId('share-file').setInputFiles({ name: 'ct.pdf', mimeType: 'application/pdf', buffer: await makePdf({ pages: 1, text: 'CT thorax (e2e)' }) });
      await chan.getByTestId('share-type').getByText('影像').click();
      await chan.getByTestId('share-title').locator('input').fill('CT 胸部');
      await both(ctx, chan, '90-share-type-title-zh-HK');
      await chan.getByTestId('share-send').click();
      await chan.getByTestId('share-done').waitFor();
      const documentId = (await chan.locator('[data-document-id]').getAttribute('data-document-id'))!;
      await go(chan, `/case/${caseCode}`);
      await chan.getByTestId('case-document').first().waitFor();
      await expectVisible(chan, '影像 · CT 胸部');

      // Dr Wong asks; Dr Chan approves for 24 hours in the decision sheet.
      await callAs(ctx.baseUrl, WONG, `/api/app/documents/${documentId}/request?lang=en`, { reasonCode: 'continuing_care' });
      await go(chan, '/inbox');
      await chan.getByTestId(`to-decide-${caseCode}`).click();
      await chan.getByTestId('decide-sheet').waitFor();
      await chan.getByTestId('decide-duration').getByText('24 小時').click();
      await ctx.screenshot(chan, '91-decide-duration-zh-HK-phone');
      await chan.getByTestId('decide-approve').click();
      await chan.getByTestId(`to-decide-${caseCode}`).waitFor({ state: 'detached' });

      // Dr Wong holds a grant but is not on the team: no Share / Burn / Alert, and he is told why (he is a doctor: break-glass).
      const wong = await signIn(ctx, WONG, 'en-US');
      await go(wong, `/case/${caseCode}`);
      await wong.getByTestId('case-not-member').waitFor();
      await wong.getByTestId('case-breakglass-hint').waitFor();
      assert((await wong.getByTestId('case-share').count()) === 0, 'no Share for a non-member');
      assert((await wong.getByTestId('case-grants').count()) === 0, 'no grant list for a non-member');
      await expectVisible(wong, 'Imaging · CT 胸部');
      await both(ctx, wong, '92-case-non-member-en');
      await wong.getByTestId('lang-switch').click();
      await expectVisible(wong, '你不屬於此個案的護理團隊');
      await both(ctx, wong, '92-case-non-member-zh-HK');

      // Dr Chan sees Dr Wong's grant (until when) and revokes it.
      await go(chan, `/case/${caseCode}`);
      await chan.getByTestId('case-grant').waitFor();
      await expectVisible(chan, '黃小明');
      await both(ctx, chan, '93-case-grants-zh-HK');
      await chan.getByTestId('lang-switch').click();
      await expectVisible(chan, 'Access from outside the team');
      await both(ctx, chan, '93-case-grants-en');
      await chan.getByTestId('grant-revoke').click();
      await confirm(chan);
      await chan.getByText('Nobody outside the team holds access now.').waitFor();
      await both(ctx, chan, '94-case-grant-revoked-en');

      // The revoked grant no longer opens the document for Dr Wong.
      const token = await fetch(`${ctx.baseUrl}/api/app/documents/${documentId}/view-token`, { method: 'POST', headers: { authorization: `Bearer ${await appToken(ctx.baseUrl, WONG)}` } });
      assert(token.status === 403, `a revoked grant opens nothing (got ${token.status})`);

      // Dr Chan closes the case: read-only, no compose buttons; then re-opens it.
      await chan.getByTestId('case-close').click();
      await confirm(chan);
      await chan.getByTestId('case-closed-note').waitFor();
      assert((await chan.getByTestId('case-share').count()) === 0, 'a closed case offers no Share');
      await both(ctx, chan, '95-case-closed-en');
      await chan.getByTestId('lang-switch').click();
      await expectVisible(chan, '此個案已結束');
      await both(ctx, chan, '95-case-closed-zh-HK');
      await chan.getByTestId('case-reopen').click();
      await chan.getByTestId('case-share').waitFor();
      assert((await chan.getByTestId('case-closed-note').count()) === 0, 're-opened: the note is gone');
      await both(ctx, chan, '96-case-reopened-zh-HK');
    },
  },
];
