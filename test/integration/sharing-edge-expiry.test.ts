import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, viewAs, viewToken, WONG } from '../helpers/sharing-flow.js';
import { ask, auditSince, eventually, caseWithReport, clinicianId, expectDenial, makeHkid, otoTo, pressDecision, requestByText } from './sharing-edge-fixture.js';

const HOUR = 3_600_000;

/**
 * Time-boxed sharing with a hand-moved service clock (the simulator keeps real time): a request
 * nobody decides lapses after 24 h and the requester hears so; a grant runs out after 72 h. The
 * sweeper runs on its own timer (shortened to 50 ms here), as in production.
 */
describe('sharing expiry', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let docId: string;
  const expiredNotices = () => h.sim.sent.filter((s) => s.via === 'oto' && (s.userIds ?? []).includes(WONG) && s.text.includes('expired; ask again'));
  beforeAll(async () => {
    h = await startHarness({ clock, service: { sweepMs: 50 } });
    app = await appFor(h);
    ({ code, docId } = await caseWithReport(h, app, { hkid: makeHkid('E', '135790') }));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When nobody decides a request for 24 h, then the sweeper expires it, the requester is told once, and a late Approve says it expired', async () => {
    const { card, requestId } = await requestByText(h, code, WONG);
    clock.advance(23 * HOUR);
    await new Promise((r) => setTimeout(r, 200)); // a few sweeps: nothing is due yet
    expect((await h.service.secure.approvals.get(requestId)).status).toBe('pending');
    expect(expiredNotices()).toHaveLength(0);

    clock.advance(HOUR);
    await eventually(() => expiredNotices().length === 1);
    expect(expiredNotices()[0]!.text).toContain(`Your request for the ${code} report expired; ask again if you still need it.`);
    expect((await h.service.secure.approvals.get(requestId)).status).toBe('expired');

    const response = await pressDecision(h, card, CHAN, 'approve');
    expect(response).toContain('該申請已過期'); // approval.expired, in Dr Chan's Chinese
    await new Promise((r) => setTimeout(r, 200));
    expect(expiredNotices()).toHaveLength(1); // the late press does not tell him again
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    expect((await h.service.secure.grants.activeGrantFor(clinicianId(h, WONG), docId, caseId)).hasGrant).toBe(false);
    const entries = await auditSince(h, 0);
    expect(entries.filter((e) => e.action === 'access.request_expired' && e.target === requestId)).toMatchObject([{ actor: 'system', outcome: 'success' }]);
    expectDenial(entries, { actor: clinicianId(h, CHAN), action: 'access.approved', target: requestId, reason: 'expired' });
  });

  it('When the approver presses after the deadline but before a sweep, then the press notices the lapse and the requester is still told, once', async () => {
    h.service.sweeper.stop();
    try {
      const before = expiredNotices().length;
      const { card, requestId } = await requestByText(h, code, WONG);
      clock.advance(25 * HOUR);
      const response = await pressDecision(h, card, CHAN, 'deny');
      expect(response).toContain('該申請已過期');
      await eventually(() => expiredNotices().length === before + 1);
      expect((await h.service.secure.approvals.get(requestId)).status).toBe('expired');
      expect(await h.service.sweeper.sweep()).toMatchObject({ requestsExpired: 0 });
      await new Promise((r) => setTimeout(r, 200));
      expect(expiredNotices()).toHaveLength(before + 1);
    } finally {
      h.service.sweeper.start();
    }
  });

  it('When a grant runs out after 72 h, then a fresh view token is refused, the expiry is audited once, and `why` explains', async () => {
    const { card } = await requestByText(h, code, WONG);
    const from = h.sim.sent.length;
    await pressDecision(h, card, CHAN, 'approve');
    const granted = await otoTo(h, from, WONG);
    expect((await viewAs(h, app, await viewToken(h, app, granted.text, WONG), WONG)).statusCode).toBe(200);

    clock.advance(72 * HOUR - 60_000);
    const { token: stillOk } = h.service.viewTokens.issue(docId, clinicianId(h, WONG), clock.now());
    expect((await viewAs(h, app, stillOk, WONG)).statusCode).toBe(200);

    clock.advance(60_000);
    const { token } = h.service.viewTokens.issue(docId, clinicianId(h, WONG), clock.now());
    const res = await viewAs(h, app, token, WONG);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'access.denied', message: expect.any(String), hint: expect.any(String) });

    const wong = clinicianId(h, WONG);
    const expiredGrants = async () => (await auditSince(h, 0, { action: 'grant.expired' })).filter((e) => e.actor === wong);
    const recorded = await eventually(async () => {
      const r = await expiredGrants();
      return r.length > 0 && r;
    });
    expect(recorded).toMatchObject([{ target: docId, reason: 'approval', outcome: 'success' }]);
    expect(await h.service.sweeper.sweep()).toEqual({ requestsExpired: 0, grantsRecorded: 0 });

    const why = await ask(h, null, WONG, `@ConsultBridge why ${code}`);
    expect(why).toContain('Not allowed');
    expect(why).toContain(`You are not attending or consulting on ${code}, and hold no approved grant or active emergency access for it.`);
  });
});
