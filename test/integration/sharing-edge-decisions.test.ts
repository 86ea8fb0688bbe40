import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, viewAs, viewToken, WONG } from '../helpers/sharing-flow.js';
import { ask, auditMark, auditSince, caseWithReport, CHEUNG, clinicianId, expectDenial, HO, makeHkid, otoTo, pressDecision, requestByText } from './sharing-edge-fixture.js';

/**
 * An approver says no (card button or text), or decides by text instead of the card: through the
 * real SDK, the simulator, the service and HTTP.
 */
describe('approval decisions: deny and the text fallbacks', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let code: string;
  let docId: string;
  const grantOf = async (userId: string) => {
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    return (await h.service.secure.grants.activeGrantFor(clinicianId(h, userId), docId, caseId)).hasGrant;
  };
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ group, code, docId } = await caseWithReport(h, app, { hkid: makeHkid('D', '246801') }));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending presses Deny, then the GP is told, gets no grant, and a view is refused and audited as a denial', async () => {
    const { card, requestId } = await requestByText(h, code, WONG);
    const from = h.sim.sent.length;
    const response = await pressDecision(h, card, CHAN, 'deny');
    // Dr Chan reads Chinese; his card settles to who denied it, with no buttons.
    expect(JSON.parse(response)).toMatchObject({ cardData: { cardParamMap: { status: expect.stringMatching(/^已由 陳大文 Dr CHAN Tai-man.* 拒絕$/), buttons: '[]' } } });
    const told = await otoTo(h, from, WONG);
    expect(told.text).toContain(`declined your request to view the ${code} report`);
    expect(told.text).toContain('CHAN Tai-man');
    expect(told.text).not.toContain('/app/doc/');
    expect(await grantOf(WONG)).toBe(false);
    expect((await h.service.secure.approvals.get(requestId)).status).toBe('denied');

    // Even a correctly signed view token for him opens nothing: the policy decides at view time.
    const mark = await auditMark(h);
    const { token } = h.service.viewTokens.issue(docId, clinicianId(h, WONG), h.service.clock.now());
    const res = await viewAs(h, app, token, WONG);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'access.denied', message: expect.any(String), hint: expect.any(String) });
    expect(res.headers['content-type']).not.toContain('pdf');
    const denials = await auditSince(h, mark, { outcome: 'denied' });
    expectDenial(denials, { actor: clinicianId(h, WONG), action: 'access.decision', target: docId });
    const decided = await auditSince(h, 0, { action: 'access.denied_by_approver' });
    expect(decided).toMatchObject([{ actor: clinicianId(h, CHAN), target: requestId, outcome: 'success' }]);
  });

  it('When the attending types `approve C-…` instead of pressing the card, then the GP is granted and can view', async () => {
    await requestByText(h, code, WONG); // a denied request may be asked again
    const from = h.sim.sent.length;
    const reply = await ask(h, group, CHAN, `@ConsultBridge approve ${code}`);
    expect(reply).toContain('已批准');
    const granted = await otoTo(h, from, WONG);
    expect(granted.text).toContain(`approved your access to the ${code} report`);
    expect(await grantOf(WONG)).toBe(true);
    const res = await viewAs(h, app, await viewToken(h, app, granted.text, WONG), WONG);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('When two requests wait and the attending types `deny C-… @Dr Ho`, then only Dr Ho’s is denied', async () => {
    const nurse = await requestByText(h, code, CHEUNG);
    const ho = await requestByText(h, code, HO);
    const from = h.sim.sent.length;
    const reply = await ask(h, group, CHAN, `@ConsultBridge deny ${code} @何詠儀`, [HO]);
    expect(reply).toContain('已拒絕，申請人已獲通知');
    const told = await otoTo(h, from, HO);
    expect(told.text).toContain(`拒絕了你存取 ${code} 報告的申請`); // Dr Ho reads Chinese
    expect((await h.service.secure.approvals.get(ho.requestId)).status).toBe('denied');
    expect((await h.service.secure.approvals.get(nurse.requestId)).status).toBe('pending');
    expect(await grantOf(HO)).toBe(false);
  });

  it('When someone who is not an approver types `approve C-…`, then nothing is decided for them', async () => {
    const [pending] = await h.service.secure.approvals.pendingFor(clinicianId(h, CHAN), [docId]);
    expect(pending).toBeDefined();
    const reply = await ask(h, null, WONG, `@ConsultBridge approve ${code}`);
    expect(reply).toContain('There is no pending request on that case that you can decide.');
    expect((await h.service.secure.approvals.get(pending!.id)).status).toBe('pending');
  });
  it('When the last request is denied by text, then a further `approve C-…` says nothing is pending, audited with its code', async () => {
    const [left] = await h.service.secure.approvals.pendingFor(clinicianId(h, CHAN), [docId]);
    expect(await ask(h, group, CHAN, `@ConsultBridge deny ${code}`)).toContain('已拒絕');
    expect((await h.service.secure.approvals.get(left!.id)).status).toBe('denied');
    const mark = await auditMark(h);
    const reply = await ask(h, group, CHAN, `@ConsultBridge approve ${code}`);
    expect(reply).toContain('該個案沒有你可以批核的待決申請');
    expectDenial(await auditSince(h, mark, { outcome: 'denied' }), { actor: clinicianId(h, CHAN), action: 'command.run', target: 'approve', reason: 'approval.none_pending' });
  });

});
