import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOPIC_CARD_CALLBACK } from '../../src/sandbox/sim-card-click.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appAuth } from '../helpers/app-session.js';
import { appFor, CHAN, LAM, press, viewAs, WONG } from '../helpers/sharing-flow.js';
import { ask, askPrivately, auditMark, auditSince, caseWithReport, clinicianId, eventually, expectDenial, LEE, makeHkid, otoTo, requestByText } from './sharing-edge-fixture.js';

const HKID = makeHkid('K', '975310');
const NAME = 'QUILLFEATHER Marigold';

/**
 * Bad input from chat, card presses and view links: each is refused with a coded, friendly answer,
 * says nothing about the patient, and leaves a `denied` audit entry with a reason code.
 */
describe('sharing: bad input is refused politely, leaks nothing and is audited', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let code: string;
  let docId: string;
  let mark: number;
  const card = () => `doc:${docId}:${group}`;
  const denials = () => auditSince(h, mark, { outcome: 'denied' });
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ group, code, docId } = await caseWithReport(h, app, { hkid: HKID, nameEn: NAME }));
  });
  beforeEach(async () => {
    mark = await auditMark(h);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it.each(['C-7KQ2X!', 'C-7KQ1X'])('When a malformed case code (%s) is typed, then the reply shows what a code looks like', async (bad) => {
    const reply = await askPrivately(h, group, WONG, `@ConsultBridge why ${bad}`);
    expect(reply).toContain('Case codes look like C-7KQ2M.');
    expectDenial(await denials(), { actor: clinicianId(h, WONG), action: 'command.run', target: 'why', reason: 'case.code_invalid' });
  });

  it('When 1:1 a command names no case at all ("nonsense"), then the reply shows what a code looks like', async () => {
    const reply = await ask(h, null, WONG, '@ConsultBridge receipts nonsense');
    expect(reply).toContain('Case codes look like C-7KQ2M.');
    expect(reply).not.toContain('nonsense');
    expectDenial(await denials(), { actor: clinicianId(h, WONG), action: 'command.run', target: 'receipts', reason: 'case.code_invalid' });
  });

  it('When a well-formed but unknown case code is typed, then the bot says it can’t find the case', async () => {
    const reply = await ask(h, group, WONG, '@ConsultBridge request C-ZZZZZ continuing_care');
    expect(reply).toContain('I can');
    expect(reply).toContain('find');
    expectDenial(await denials(), { actor: clinicianId(h, WONG), action: 'command.run', target: 'request', reason: 'case.not_found' });
  });

  it('When a card press names a document that does not exist, then the presser is told and it is audited', async () => {
    const answer = await press(h, card(), WONG, { action: 'open', documentId: 'no-such-document' });
    expect(answer.text).toContain("I can't find that document.");
    expect(answer.text).not.toContain('/app/doc/');
    expectDenial(await denials(), { actor: clinicianId(h, WONG), action: 'card.pressed', target: 'open', reason: 'document.not_found' });
  });

  it('When a forged card press carries an unknown action, then it is refused as not valid', async () => {
    const answer = await press(h, card(), WONG, { action: 'export_all', documentId: docId });
    expect(answer.text).toContain('That request is not valid.');
    expectDenial(await denials(), { actor: clinicianId(h, WONG), action: 'card.pressed', target: 'unknown', reason: 'request.invalid' });
  });

  it('When an unverified doctor presses Open, then she gets the verify hint and no link', async () => {
    const answer = await press(h, card(), LEE, { action: 'open', documentId: docId });
    expect(answer.text).toContain('請聯絡院方 ConsultBridge 管理員核實你的註冊資料');
    expect(answer.text).not.toContain('/app/doc/');
    expectDenial(await denials(), { actor: clinicianId(h, LEE), action: 'card.pressed', target: 'open', reason: 'actor.unverified' });
  });

  it('When a suspended consultant presses Open or uses a link issued before, then both are refused', async () => {
    const lam = (await h.service.directoryRepo.findByDingTalkId(LAM))!;
    const { token } = h.service.viewTokens.issue(docId, lam.id, h.service.clock.now());
    const signedIn = await appAuth(h, app, LAM); // a session from before the suspension
    await h.service.directoryRepo.update(lam.id, { suspended: true }, h.service.clock.now());
    try {
      const answer = await press(h, card(), LAM, { action: 'open', documentId: docId });
      expect(answer.text).toContain('Your account is suspended.');
      expect(answer.text).not.toContain('/app/doc/');
      // The app's sign-in is read afresh on every request: the view route refuses before any token is looked at.
      const res = await app.inject({ method: 'POST', url: '/api/app/documents/view', headers: signedIn, payload: { token } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: 'actor.suspended', message: expect.any(String), hint: expect.any(String) });
      expect(res.headers['content-type']).not.toContain('pdf');
      const entries = await denials();
      expectDenial(entries, { actor: lam.id, action: 'card.pressed', target: 'open', reason: 'actor.suspended' });
      // A suspended clinician's old view token would be refused by the policy too.
      expect((await h.service.secure.access.decideView((await h.service.directoryRepo.findById(lam.id))!, docId)).decision.allowed).toBe(false);
    } finally {
      await h.service.directoryRepo.update(lam.id, { suspended: false }, h.service.clock.now());
    }
  });

  it('When the consultant is removed from the team, then Open explains why not and gives no link', async () => {
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    const lam = clinicianId(h, LAM);
    expect((await h.service.secure.access.decideView((await h.service.directoryRepo.findById(lam))!, docId)).decision.allowed).toBe(true);
    mark = await auditMark(h);
    const from = h.sim.sent.length;
    await h.service.secure.cases.team.removeMember(chan, code, LAM);
    // They are told 1:1 that their role ended; the answer to the press comes after that.
    expect((await otoTo(h, from, LAM)).text).toContain(`Your role on case ${code} has ended`);
    const answer = await press(h, card(), LAM, { action: 'open', documentId: docId });
    expect(answer.text).toContain('You can’t open this yet');
    expect(answer.text).toContain(`You are not attending or consulting on ${code}`);
    expect(answer.text).not.toContain('/app/doc/');
    expectDenial(await denials(), { actor: lam, action: 'access.decision', target: docId });
  });

  it('When a view token is tampered with (signature or claims), then 400 view.token_invalid (not a lost sign-in), audited', async () => {
    const { token } = h.service.viewTokens.issue(docId, clinicianId(h, CHAN), h.service.clock.now());
    const [body, sig] = token.split('.') as [string, string];
    const flipped = `${body}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, v: clinicianId(h, WONG) })).toString('base64url')}.${sig}`;
    for (const [bad, as] of [[flipped, CHAN], [forged, WONG], [`${token}.extra`, CHAN]] as const) {
      const res = await viewAs(h, app, bad, as);
      expect(res.statusCode).toBe(400);
      // In the reader's saved language (CHAN reads Chinese, WONG English).
      expect(res.json()).toEqual({ code: 'view.token_invalid', message: as === CHAN ? '檢視無效，請重新開啟文件。' : 'That view is not valid. Open the document again.', hint: expect.any(String) });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const entries = (await denials()).filter((e) => e.action === 'access.decision' && e.reason === 'token.invalid');
    expect(entries.map((e) => e.actor)).toEqual([clinicianId(h, CHAN), clinicianId(h, WONG), clinicianId(h, CHAN)]);
    expect(entries.every((e) => e.target === null)).toBe(true);
  });

  it('When a view token has expired, then 410 view.token_expired, audited', async () => {
    const now = h.service.clock.now();
    const { token } = h.service.viewTokens.issue(docId, clinicianId(h, CHAN), now - 11 * 60_000);
    const res = await viewAs(h, app, token, CHAN);
    expect(res.statusCode).toBe(410);
    // CHAN's saved language is Chinese: HTTP errors answer in it.
    expect(res.json()).toEqual({ code: 'view.token_expired', message: '檢視已過期，請重新開啟文件。', hint: expect.any(String) });
    expectDenial(await denials(), { actor: clinicianId(h, CHAN), action: 'access.decision', reason: 'token.expired' });
  });

  it('When a view token is presented by someone other than its viewer, then 403 access.denied, audited as theirs', async () => {
    const { token } = h.service.viewTokens.issue(docId, clinicianId(h, CHAN), h.service.clock.now());
    const res = await viewAs(h, app, token, WONG);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'access.denied', message: expect.any(String), hint: expect.any(String) });
    expectDenial(await denials(), { actor: clinicianId(h, WONG), action: 'access.decision', target: docId, reason: 'token.other_viewer' });
  });

  it('When a view token is put in the path as before, then there is no such route', async () => {
    const { token } = h.service.viewTokens.issue(docId, clinicianId(h, CHAN), h.service.clock.now());
    for (const url of [`/view/${token}`, `/api/app/documents/view/${token}`]) {
      expect((await app.inject({ method: 'GET', url, headers: await appAuth(h, app, CHAN) })).statusCode, url).toBe(404);
    }
  });

  it('When the same card callback frame arrives twice, then it acts once and the replay is audited', async () => {
    const { card: approval, requestId } = await requestByText(h, code, WONG);
    const data = {
      type: 'actionCallback',
      outTrackId: approval.outTrackId,
      corpId: h.sim.corpId,
      userId: CHAN,
      userIdType: 1,
      spaceType: 'IM_ROBOT',
      spaceId: CHAN,
      content: JSON.stringify({ cardPrivateData: { actionIds: [], params: { action: 'decide', decision: 'approve', requestId, step: '0' } } }),
      extension: '{}',
    };
    const frame = JSON.stringify({
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: { appId: h.sim.clientId, connectionId: 'replay', contentType: 'application/json', messageId: `replay-${requestId}`, time: String(Date.now()), topic: TOPIC_CARD_CALLBACK },
      data: JSON.stringify(data),
    });
    const from = h.sim.sent.length;
    h.sim.sendRaw(frame);
    await otoTo(h, from, WONG); // approved: the GP is told
    h.sim.sendRaw(frame);
    const replay = await eventually(async () => (await denials()).find((e) => e.action === 'event.duplicate'));
    expect(replay).toMatchObject({ actor: 'dingtalk', outcome: 'denied', reason: 'card_replayed', target: `replay-${requestId}` });
    const decided = (await auditSince(h, mark)).filter((e) => e.target === requestId && e.action.startsWith('access.approved'));
    expect(decided).toMatchObject([{ outcome: 'success', actor: clinicianId(h, CHAN) }]); // once, and no second attempt at all
    expect(h.sim.sent.slice(from).filter((s) => (s.userIds ?? []).includes(WONG) && s.text.includes('approved your access'))).toHaveLength(1);
  });

  it('Then nothing the bot sent anywhere names the patient', async () => {
    const everything = JSON.stringify(h.sim.sent);
    expect(everything).not.toContain(HKID.slice(0, 7));
    expect(everything).not.toMatch(/QUILLFEATHER|Marigold/i);
  });
});
