import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, press, viewAs, viewToken } from '../helpers/sharing-flow.js';
import { ask, askPrivately, auditMark, auditSince, caseWithReport, CHEUNG, clinicianId, expectDenial, HO, LEE, LI, makeHkid, otoTo } from './sharing-edge-fixture.js';

const REASON = 'patient unconscious, need allergy history';

/**
 * Break-glass from chat: a verified doctor outside the care team gets 4 h of access to the case at
 * once; the attending and the privacy officer are told 1:1; the access waits for review; the
 * clinical reason is kept for the reviewer only (never in the audit log or logs).
 */
describe('break-glass through chat', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let code: string;
  let docId: string;
  let ae: string;
  const hasBreakGlass = async (userId: string) => {
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    return (await h.service.secure.grants.activeGrantFor(clinicianId(h, userId), docId, caseId)).hasBreakGlass;
  };
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ group, code, docId } = await caseWithReport(h, app, { hkid: makeHkid('G', '864209') }));
    ae = h.demo.groups.aeHandover;
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the reason is too short, then the doctor is told plainly what to type, and nothing is granted', async () => {
    const mark = await auditMark(h);
    const reply = await ask(h, ae, HO, `@ConsultBridge breakglass ${code} urgent`);
    expect(reply).toContain('請說明需要緊急存取的原因（最少 10 個字）'); // Dr Ho reads Chinese
    expect(reply).toContain(`breakglass ${code} <原因>`);
    expect(await hasBreakGlass(HO)).toBe(false);
    expectDenial(await auditSince(h, mark, { outcome: 'denied' }), { actor: clinicianId(h, HO), action: 'breakglass.granted', reason: 'reason_too_short' });
  });

  it('When an unverified doctor tries, then she is refused with the hint to get verified', async () => {
    const mark = await auditMark(h);
    const reply = await askPrivately(h, group, LEE, `@ConsultBridge breakglass ${code} ${REASON}`);
    expect(reply).toContain('請聯絡院方 ConsultBridge 管理員核實你的註冊資料');
    expect(await hasBreakGlass(LEE)).toBe(false);
    expectDenial(await auditSince(h, mark, { outcome: 'denied' }), { actor: clinicianId(h, LEE), action: 'command.run', target: 'breakglass', reason: 'actor.unverified' });
  });

  it('When a nurse tries, then the policy says no and the refusal is audited with the policy, not the reason', async () => {
    const mark = await auditMark(h);
    const reply = await askPrivately(h, ae, CHEUNG, `@ConsultBridge breakglass ${code} ${REASON}`);
    expect(reply).toContain("You can't do that.");
    expect(await hasBreakGlass(CHEUNG)).toBe(false);
    expectDenial(await auditSince(h, mark, { outcome: 'denied' }), { actor: clinicianId(h, CHEUNG), action: 'breakglass.granted' });
  });

  it('When a verified doctor outside the team breaks the glass, then she has 4 h, the attending and the privacy officer are told, and she can open the report', async () => {
    const from = h.sim.sent.length;
    const reply = await ask(h, ae, HO, `@ConsultBridge breakglass ${code} ${REASON}`);
    expect(reply).toContain(`已授予 ${code} 的緊急存取 4 小時`);
    expect(reply).toContain('CHAN Tai-man');
    expect(reply).not.toContain('unconscious');
    expect(await hasBreakGlass(HO)).toBe(true);

    for (const who of [CHAN, LI]) {
      const notice = await otoTo(h, from, who);
      expect(notice.text).toContain(`已對 ${code} 啟用緊急存取`);
      expect(notice.text).toContain('HO Wing-yee');
      expect(notice.text).not.toMatch(/unconscious|allergy/);
    }

    const reviews = await h.service.secure.breakGlass.pendingReviews();
    expect(reviews).toMatchObject([{ clinicianId: clinicianId(h, HO), caseId: (await h.service.secure.cases.queries.findCase(code)).id, status: 'pending', reason: REASON }]);

    // Dr Ho is not in the consult group, but the card's Open button answers whoever DingTalk says pressed it.
    const open = await press(h, `doc:${docId}:${group}`, HO, { action: 'open', documentId: docId });
    const res = await viewAs(h, app, await viewToken(h, app, open.text, HO), HO);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('Then the clinical reason is in no audit entry and no log line', async () => {
    const entries = await auditSince(h, 0);
    expect(entries.filter((e) => e.action === 'breakglass.granted' && e.outcome === 'success')).toMatchObject([{ actor: clinicianId(h, HO), reason: 'break_glass' }]);
    for (const e of entries) expect(e.body).not.toMatch(/unconscious|allergy history/);
    expect(h.logs()).not.toMatch(/unconscious|allergy history/);
  });
});
