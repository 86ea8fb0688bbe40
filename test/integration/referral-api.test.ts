import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, openCase } from '../helpers/sharing-flow.js';
import { eventually, makeHkid } from './sharing-edge-fixture.js';
import { addHphCardiologists, fakeOnCall, KO, YEUNG } from './referral-fixture.js';

const REASON = 'STEMI on ECG 03:10, please review for PCI';

/** The mini-app's referral API: the Refer form, the assignee's screen (seen on open), decline with a code, who may see what. */
describe('referral API', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const onCall = fakeOnCall(() => h, { 'HPH:cardiology': { first: [YEUNG], second: [KO] } });

  beforeAll(async () => {
    h = await startHarness({ env: { REFERRAL_FALLBACK_INSTITUTIONS: 'QMH,HPH' }, service: { onCall } });
    addHphCardiologists(h);
    app = await appFor(h);
    code = await openCase(h, h.demo.groups.cardiologyConsult, makeHkid('R', '246802'), [{ institutionCode: 'HPH', status: 'granted' }]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending refers from the case screen with a reason, then it routes through the fallback order, the reason is sealed, and the emergency assignee is DINGed', async () => {
    const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/cases/${code}/referrals`, payload: { specialty: 'cardiology', severity: 'emergency', purposeCode: 'emergency', reason: REASON } });
    expect(res.statusCode).toBe(201);
    const out = res.json() as { referralId: string; assignee: { nameEn: string } };
    expect(out.assignee.nameEn).toBe('Dr YEUNG Kin-wah');
    expect(onCall.asked.map((q) => q.institutionId)).toEqual(['QMH', 'HPH']);
    const raw = h.service.db.sqlite.prepare('SELECT reason FROM referrals WHERE id = ?').get(out.referralId) as { reason: string };
    expect(raw.reason).not.toContain('STEMI');
    await eventually(() => h.sim.sent.find((s) => s.via === 'ding' && (s.userIds ?? []).includes(YEUNG)));
    // Chat carries codes and names only.
    for (const s of h.sim.sent) expect(s.text).not.toContain('STEMI');
  });

  it('When the assignee opens it, then it is seen and he reads the reason; a stranger can neither read nor accept it, and a clinician off the care team cannot refer', async () => {
    const [ref] = (await asUser(h, app, CHAN, { method: 'GET', url: `/api/cases/${code}/referrals` })).json().items as { id: string; status: string; reason: string }[];
    expect(ref).toMatchObject({ status: 'sent', reason: REASON, mayCancel: true, mayRespond: false });
    const seen = (await asUser(h, app, YEUNG, { method: 'GET', url: `/api/referrals/${ref!.id}` })).json();
    expect(seen).toMatchObject({ status: 'seen', reason: REASON, mayRespond: true, caseCode: code, severity: 'emergency' });
    expect((await asUser(h, app, KO, { method: 'GET', url: `/api/referrals/${ref!.id}` })).statusCode).toBe(403);
    expect((await asUser(h, app, LAM, { method: 'POST', url: `/api/cases/${code}/referrals`, payload: { specialty: 'cardiology', severity: 'urgent', purposeCode: 'referral' } })).statusCode).toBe(403);
    expect((await asUser(h, app, KO, { method: 'POST', url: `/api/referrals/${ref!.id}/accept` })).json()).toMatchObject({ code: 'referral.not_yours' });
  });

  it('When the assignee declines with a code, then it closes, the chase stops, and a second answer is refused', async () => {
    const [ref] = (await asUser(h, app, CHAN, { method: 'GET', url: `/api/cases/${code}/referrals` })).json().items as { id: string }[];
    const bad = await asUser(h, app, YEUNG, { method: 'POST', url: `/api/referrals/${ref!.id}/decline`, payload: { reason: 'too busy, free text' } });
    expect(bad.statusCode).toBe(400);
    const res = await asUser(h, app, YEUNG, { method: 'POST', url: `/api/referrals/${ref!.id}/decline`, payload: { reason: 'no_capacity' } });
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: 'no_capacity', mayRespond: false });
    expect((await h.service.escalation.stateOf(ref!.id))[0]).toMatchObject({ status: 'stopped', stopReason: 'declined' });
    expect((await asUser(h, app, YEUNG, { method: 'POST', url: `/api/referrals/${ref!.id}/accept` })).json()).toMatchObject({ code: 'referral.closed' });
    expect((await asUser(h, app, CHAN, { method: 'POST', url: `/api/referrals/${ref!.id}/cancel` })).statusCode).toBe(409);
  });
});
