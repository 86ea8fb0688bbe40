import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROSTER } from '../../src/sandbox/demo-roster.js';
import { adminTokenFor } from '../helpers/admin-token.js';
import { ManualClock, replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, lastCardTo, openCase, press, shareReport } from '../helpers/sharing-flow.js';
import { clinicianId, eventually, makeHkid } from './sharing-edge-fixture.js';

const MIN = 60_000;
const NG = DEMO_ROSTER.first;
const KWOK = DEMO_ROSTER.second;
const CONTACT = DEMO_ROSTER.escalationContact;

/**
 * The end of a referral's chase, and its withdrawal, through the real SDK and the simulator on the
 * demo roster (HPH cardiology: first call Dr Ng, second call Dr Kwok, escalation contact Dr Yeung),
 * the clock moved by hand. Dr Chan (QMH, reads Chinese) refers; nobody accepts.
 */
describe('referral: nobody left to ask, and cancel', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  const params = (outTrackId: string) => h.sim.cards.get(outTrackId)?.cardParamMap ?? {};
  const say = async (userId: string, text: string) => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, userId, text);
    return (await reply).text;
  };
  const attentionRes = async (query = '') => {
    const token = await adminTokenFor(h.service, clinicianId(h, 'qmh-cb-admin'));
    return app.inject({ method: 'GET', url: `/api/admin/referrals/attention${query}`, headers: { authorization: `Bearer ${token}` } });
  };
  const attentionPage = async (query = '') => {
    const res = await attentionRes(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { referrals: Array<{ id: string; caseCode: string; why: string; requester: { nameEn: string } | null }>; nextCursor: string | null };
  };
  const attention = async () => (await attentionPage()).referrals;
  const latestReferral = async () => (await h.service.referrals.repo.forCase((await h.service.secure.cases.queries.findCase(code)).id))[0]!;

  beforeAll(async () => {
    h = await startHarness({ clock, service: { escalationTickMs: 20 } });
    app = await appFor(h);
    group = h.demo.groups.cardiologyConsult;
    code = await openCase(h, group, makeHkid('U', '246801'), [{ institutionCode: 'HPH', status: 'granted' }]);
    await shareReport(h, app, group, CHAN, code);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When first call, second call and the escalation contact each let the window pass, then the referral is unrouted: the requester’s card and a 1:1 say to call the department, the last card closes, it is audited, and the console lists it', async () => {
    await say(CHAN, `@ConsultBridge refer ${code} cardiology HPH urgent referral`);
    const r = await latestReferral();
    const status = `refst:${r.id}`;
    await eventually(() => params(status).status?.includes('吳志豪'));
    for (const next of [KWOK, CONTACT]) {
      clock.advance(30 * MIN);
      await eventually(async () => (await h.service.referrals.repo.find(r.id))!.assigneeId === clinicianId(h, next));
    }
    clock.advance(30 * MIN);
    await eventually(async () => (await h.service.referrals.repo.find(r.id))!.status === 'unrouted');
    expect(await eventually(() => params(status).status?.includes('無人接受') && params(status).status)).toBe('無人接受 — 未能轉介。請直接致電該部門。');
    const told = await eventually(() => h.sim.sent.find((s) => s.via === 'oto' && (s.userIds ?? []).includes(CHAN) && s.text.includes('轉介無人接受')));
    expect(told.text).toContain(`個案 ${code} 的急心臟科轉介（HPH）無人接受`);
    expect(told.text).toContain(`refer cancel ${code}`);
    expect(told.text).not.toContain('TEST Patient');
    // The contact's card (the last asked) closes: its status says why, its buttons go.
    const last = `ref:${r.id}:to:${clinicianId(h, CONTACT)}`;
    await eventually(() => params(last).status?.includes('not accepted in time') || params(last).status?.includes('未有及時接受'));
    expect(params(last).buttons).toBe('[]');
    expect((await h.service.escalation.stateOf(r.id)).map((e) => e.status)).toContain('exhausted');
    await h.service.audit.flush();
    const { entries } = await h.service.audit.repo.list({ action: 'referral.unrouted' }, { limit: 5 });
    expect(entries.map((e) => [e.target, e.actor, e.reason])).toContainEqual([r.id, 'system', 'urgent']);
    // The console's dashboard lists it as needing attention, by case code and requester.
    expect((await attention()).find((x) => x.id === r.id)).toMatchObject({ caseCode: code, why: 'unrouted', specialty: 'cardiology', institutionCode: 'HPH', severity: 'urgent', requester: { nameEn: 'Dr CHAN Tai-man' } });
    // Keyset pages of one, followed to a null nextCursor, list the same referrals once each, newest first; a bad cursor is a coded 400.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await attentionPage(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.referrals.length).toBeLessThanOrEqual(1);
      paged.push(...page.referrals.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual((await attention()).map((x) => x.id));
    const bad = await attentionRes('?cursor=bm9wZQ');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    // The contact can no longer accept it.
    const late = await press(h, lastCardTo(h, CONTACT).outTrackId!, CONTACT, { action: 'referral_accept', referralId: r.id });
    expect(late.text).toMatch(/already accepted, declined or cancelled|已被接受、拒絕或取消/);
  });

  it('When the requester cancels from chat, then the assignee’s card says so, the chase stops and no grant is left; someone else or a second try gets a coded answer', async () => {
    // The unrouted referral above is closed by its requester first (he has called the department).
    expect(await say(CHAN, `@ConsultBridge refer cancel ${code}`)).toContain(`你在個案 ${code} 的心臟科轉介已取消`);
    expect((await attention()).map((x) => x.caseCode)).not.toContain(code);
    await say(CHAN, `@ConsultBridge refer ${code} cardiology HPH urgent referral`);
    const r = await latestReferral();
    const ng = clinicianId(h, NG);
    expect(r.assigneeId).toBe(ng);
    // Dr Lam (on the care team, not the requester) may not cancel it.
    expect(await say(LAM, `@ConsultBridge refer cancel ${code} cardiology`)).toContain('Only the clinician who sent this referral can cancel it.');
    expect(await say(CHAN, `@ConsultBridge 轉介 取消 ${code} 心臟科`)).toContain(`你在個案 ${code} 的心臟科轉介已取消`);
    expect((await h.service.referrals.repo.find(r.id))!.status).toBe('cancelled');
    const card = `ref:${r.id}:to:${ng}`;
    await eventually(() => params(card).status?.includes('Cancelled by the requester') || params(card).status?.includes('轉介發出者已取消'));
    expect(params(card).buttons).toBe('[]');
    expect(await h.service.escalation.stateOf(r.id)).toMatchObject([{ recipientId: ng, status: 'stopped', stopReason: 'cancelled' }]);
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    expect((await h.service.secure.grants.liveOnCase(caseId, clock.now())).filter((g) => g.kind === 'consult' && g.clinicianId === ng)).toEqual([]);
    // Past the window nobody else is asked; a second cancel is refused in words.
    clock.advance(31 * MIN);
    await new Promise((res) => setTimeout(res, 150));
    expect((await h.service.referrals.repo.find(r.id))!.assigneeId).toBe(ng);
    expect(await say(CHAN, `@ConsultBridge refer cancel ${code}`)).toContain('此轉介已被接受、拒絕或取消。');
    await h.service.audit.flush();
    const { entries } = await h.service.audit.repo.list({ action: 'referral.cancelled' }, { limit: 10 });
    expect(entries.map((e) => [e.outcome, e.reason])).toEqual(expect.arrayContaining([['denied', 'referral.not_requester'], ['denied', 'referral.closed'], ['success', null]]));
  });
});
