import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter } from '../helpers/service-harness.js';
import { hkidFor, patientForm, startCaseChat, intentIn, type CaseChat } from './case-chat-fixture.js';
import { askPrivately } from './sharing-edge-fixture.js';

/** `case open` → 1:1 mini-app form link → signed-in form post → group announcement, through the real SDK and simulator. */
describe('opening a case from chat', () => {
  let cc: CaseChat;
  beforeAll(async () => {
    cc = await startCaseChat();
  });
  afterAll(async () => cc?.close());

  it('When a verified doctor opens a case, then a mini-app link comes 1:1, the group hears only the case code and opener, and no patient data reaches chat or logs', async () => {
    const group = cc.group(['qmh-lam-kaming', 'hph-wong-siuming']);
    const { group: ack, dm } = await cc.sayAndDm(group, 'qmh-lam-kaming', '@ConsultBridge case open');
    expect(ack).toContain('sent you a form 1:1');
    expect(ack).not.toContain('/app/');
    expect(dm).toContain(`${cc.h.service.publicUrl}/app/form/case-open/`);
    expect(dm).not.toContain('/forms/');
    expect(dm).toContain('10 min');
    const intentId = intentIn(dm, 'case-open');

    const hkid = hkidFor('314159');
    const form = patientForm(hkid);
    const bad = await cc.submitForm('qmh-lam-kaming', 'case-open', intentId, { ...form, hkid: 'K314159(0)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'hkid.invalid' });

    const announced = replyAfter(cc.h.sim, { conversationId: group, via: 'group' });
    const ok = await cc.submitForm('qmh-lam-kaming', 'case-open', intentId, form);
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as { caseCode: string; created: boolean };
    expect(body).toEqual({ caseCode: expect.stringMatching(/^C-[A-Z0-9]{5}$/), created: true });
    expect(ok.body).not.toContain('TSANG');
    const text = (await announced).text;
    expect(text).toContain(`Case ${body.caseCode} opened by 林嘉明 Dr LAM Ka-ming · Cardiology · QMH`);

    const c = (await cc.h.service.secure.cases.queries.caseForConversation(group))!;
    expect(c.code).toBe(body.caseCode);
    const lam = (await cc.h.service.directoryRepo.findByDingTalkId('qmh-lam-kaming'))!;
    expect(await cc.h.service.secure.cases.queries.teamRoleNow(c.id, lam.id)).toBe('attending');

    // The link is spent; nothing that identifies the patient went anywhere but the database.
    const again = await cc.submitForm('qmh-lam-kaming', 'case-open', intentId, form);
    expect(again.statusCode).toBe(409);
    await cc.h.service.audit.flush();
    for (const haystack of [cc.sentText(), cc.h.logs()]) {
      for (const secret of ['314159', 'TSANG', 'Ho-yin', '曾浩然', '1958-07-21', 'eHRSS consent seen']) expect(haystack).not.toContain(secret);
    }
  });

  it('When an unverified doctor asks to open a case, then they are refused with the verify hint and get no link', async () => {
    const group = cc.group(['hph-lee-meiling', 'qmh-lam-kaming']);
    const before = cc.h.sim.sent.length;
    const text = await askPrivately(cc.h, group, 'hph-lee-meiling', '@ConsultBridge case open');
    expect(text).toContain('尚未通過驗證');
    expect(text).toContain('管理員');
    // The refusal is the only 1:1 message: no form link.
    const dms = cc.h.sim.sent.slice(before).filter((e) => e.via === 'oto').map((e) => e.text);
    expect(dms).toEqual([expect.stringContaining('尚未通過驗證')]);
    expect(dms[0]).not.toContain('/app/');
  });

  it('When 開案 or 开案 is used, then it means case open (and in 1:1 it points to the consult group)', async () => {
    for (const word of ['開案', '开案']) {
      const group = cc.group(['qmh-chan-taiman']);
      const { group: ack, dm } = await cc.sayAndDm(group, 'qmh-chan-taiman', `@ConsultBridge ${word}`);
      expect(ack).toContain('私訊');
      expect(dm).toContain('/app/form/case-open/');
    }
    const reply = replyAfter(cc.h.sim, { userId: 'qmh-lam-kaming' });
    cc.h.sim.dm('qmh-lam-kaming', 'case open');
    expect((await reply).text).toContain('in the consult group');
  });

  it('When the patient already has a case, then the opener is offered it 1:1 and can bind it to the group', async () => {
    const first = cc.group(['qmh-lam-kaming']);
    const form = patientForm(hkidFor('271828'));
    const { code } = await cc.openCase(first, 'qmh-lam-kaming', form);

    const second = cc.group(['qmh-lam-kaming', 'hph-wong-siuming']);
    // Not the attending and no form of his found the case: he may not bind it.
    expect(await askPrivately(cc.h, second, 'hph-wong-siuming', `@ConsultBridge case bind ${code}`)).toContain("can't do that");

    const { dm } = await cc.sayAndDm(second, 'hph-wong-siuming', '@ConsultBridge case open');
    const offer = replyAfter(cc.h.sim, { userId: 'hph-wong-siuming', via: 'oto' });
    const res = await cc.submitForm('hph-wong-siuming', 'case-open', intentIn(dm, 'case-open'), form);
    expect(res.json()).toEqual({ caseCode: code, created: false });
    const offered = (await offer).text;
    expect(offered).toContain(`already has case ${code}`);
    expect(offered).toContain(`@ConsultBridge case bind ${code}`);

    const bound = await cc.say(second, 'hph-wong-siuming', `@ConsultBridge case bind ${code}`);
    expect(bound).toContain(`now linked to case ${code}`);
    expect((await cc.h.service.secure.cases.queries.caseForConversation(second))?.code).toBe(code);
    expect(await cc.say(second, 'hph-wong-siuming', '@ConsultBridge case open')).toContain(`already belongs to case ${code}`);
    expect(cc.sentText()).not.toContain('271828');
  });
});
