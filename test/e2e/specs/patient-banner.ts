import { assert, expectText, type E2eContext, type E2eTest } from '../harness.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { hkidCheckChar } from '../../../src/shared/hkid.js';
import { appToken, shareFromApp } from './compose-data.js';
import { seedCase } from './doctor-data.js';
import { go, signIn } from './doctor-flow.js';

const CHAN = 'qmh-chan-taiman'; // 陳大文, attending
const WONG = 'hph-wong-siuming'; // WONG Siu-ming, private hospital, in the group but not on the team

/** A call to the doctor API as the demo user, as the screens make it. */
async function callAs<T>(baseUrl: string, userId: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits (bounded) until the asynchronous `team … add` has landed: the case view answers the user. */
async function caseOpensFor(baseUrl: string, userId: string, caseCode: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${baseUrl}/api/app/cases/${caseCode}`, { headers: { authorization: `Bearer ${await appToken(baseUrl, userId)}` } });
    if (res.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${userId} never joined the care team of ${caseCode}`);
}

export const patientBannerTests: E2eTest[] = [
  {
    name: 'patient banner: the attending sees who the patient is (HKID masked); 黃小明 sees no banner as an outsider or a referring member (the case screen stays), and the banner once his request is approved; phone and desktop; screenshots',
    async run(ctx: E2eContext) {
      const { id: group } = await callAs<{ id: string }>(ctx.baseUrl, CHAN, '/api/sandbox/chat/groups', { user: CHAN, title: 'Banner e2e', memberIds: [WONG] });
      const hkid = `D314159(${hkidCheckChar('D', '314159')})`;
      const masked = `D314***(${hkidCheckChar('D', '314159')})`;
      const caseCode = await seedCase(ctx.baseUrl, CHAN, hkid, group);
      const documentId = await shareFromApp(ctx.baseUrl, CHAN, caseCode, await makePdf({ pages: 1, text: 'Banner report (e2e)' }));

      // Dr Chan, attending, on a desktop in Chinese: the banner on top of the case screen.
      const chan = await signIn(ctx, CHAN, 'zh-HK');
      await chan.setViewportSize({ width: 1280, height: 800 });
      await go(chan, `/case/${caseCode}`);
      await chan.getByTestId('patient-banner').waitFor();
      await expectText(chan, 'patient-banner-hkid', masked);
      await expectText(chan, 'patient-banner-name', 'E2E Patient');
      assert(!(await chan.getByTestId('patient-banner').textContent())?.includes(hkid.slice(0, 7)), 'the full HKID is never shown');
      await ctx.screenshot(chan, '60-patient-banner-attending-zh-HK-desktop');

      // Dr Wong, on a phone in English, before any approval: no banner.
      const wong = await signIn(ctx, WONG, 'en-US');
      await wong.setViewportSize({ width: 375, height: 812 });
      await go(wong, `/case/${caseCode}`);
      await wong.getByTestId('case-error').waitFor();
      assert((await wong.getByTestId('patient-banner').count()) === 0, 'no banner before approval');
      await ctx.screenshot(wong, '61-patient-banner-before-approval-en-phone');

      // Dr Chan adds him as referring: the case screen opens for him, still without a banner (the view
      // policy decides, not membership) — no error page, the rest of the screen stays.
      await callAs(ctx.baseUrl, CHAN, '/api/sandbox/chat/say', { user: CHAN, group, text: `@ConsultBridge team ${caseCode} add @${WONG} referring`, atUserIds: [WONG] });
      await caseOpensFor(ctx.baseUrl, WONG, caseCode);
      await go(wong, '/me');
      const refused = wong.waitForResponse((r) => r.url().endsWith(`/api/app/cases/${caseCode}/patient`));
      await go(wong, `/case/${caseCode}`);
      assert((await refused).status() === 403, 'the banner is refused to a referring member');
      await wong.getByTestId('case-view').waitFor();
      assert((await wong.getByTestId('patient-banner').count()) === 0, 'no banner for a referring member');
      await ctx.screenshot(wong, '61b-patient-banner-referring-none-en-phone');

      // He asks for access; Dr Chan approves (the API the inbox screens call).
      const { requestId } = await callAs<{ requestId: string }>(ctx.baseUrl, WONG, `/api/app/documents/${documentId}/request`, { reasonCode: 'continuing_care' });
      await callAs(ctx.baseUrl, CHAN, `/api/app/requests/${requestId}/decide`, { decision: 'approve' });

      // Back on the case: the banner now, with the masked HKID.
      await go(wong, '/me');
      await go(wong, `/case/${caseCode}`);
      await wong.getByTestId('case-view').waitFor();
      await wong.getByTestId('patient-banner').waitFor();
      await expectText(wong, 'patient-banner-hkid', masked);
      await ctx.screenshot(wong, '62-patient-banner-after-approval-en-phone');
      await wong.getByTestId('lang-switch').click();
      await wong.locator('[data-testid=patient-banner]', { hasText: '身份證' }).waitFor();
      await ctx.screenshot(wong, '63-patient-banner-after-approval-zh-HK-phone');
    },
  },
];
