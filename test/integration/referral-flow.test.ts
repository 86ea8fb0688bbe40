import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTokenFor } from '../helpers/admin-token.js';
import { ManualClock, replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, lastCardTo, openCase, press, shareReport } from '../helpers/sharing-flow.js';
import { ask, clinicianId, eventually, makeHkid } from './sharing-edge-fixture.js';
import { addHphCardiologists, KO, POON, rosterHphCardiology, YEUNG } from './referral-fixture.js';

const MIN = 60_000;
const settle = () => new Promise((r) => setTimeout(r, 150)); // several scheduler ticks (20 ms)

/**
 * Referral routing end to end through the real SDK and the simulator, on the real roster repository
 * (shifts and the escalation contact as rows), the clock moved by hand: Dr Chan
 * (QMH) refers a case to cardiology at HPH, urgent. The first-call cardiologist there gets the card,
 * does not accept within 30 min, so the second call gets it; he accepts, which gives him a consult
 * grant to the case: `why` names it and he can open the case's report.
 */
describe('referral routing and escalation', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const cardsTo = (userId: string) => h.sim.sent.filter((s) => s.via === 'card' && (s.userIds ?? []).includes(userId));
  const params = (outTrackId: string) => h.sim.cards.get(outTrackId)?.cardParamMap ?? {};

  beforeAll(async () => {
    h = await startHarness({ clock, service: { escalationTickMs: 20 } });
    addHphCardiologists(h);
    await rosterHphCardiology(h, { first: [YEUNG], second: [KO], contact: POON });
    app = await appFor(h);
    code = await openCase(h, h.demo.groups.cardiologyConsult, makeHkid('R', '135791'), [{ institutionCode: 'HPH', status: 'granted' }]);
    await shareReport(h, app, h.demo.groups.cardiologyConsult, CHAN, code);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When an urgent referral goes unaccepted for its window, then second call gets it; acceptance stops the chase and brings a consult grant that `why` names', async () => {
    const group = h.demo.groups.cardiologyConsult;
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, CHAN, `@ConsultBridge refer ${code} cardiology HPH urgent referral`);
    // Dr Chan reads Chinese: who it went to, by name (never an id).
    expect((await reply).text).toContain(`個案 ${code} 的轉介已發出：心臟科，急，接收者：楊健華 Dr YEUNG Kin-wah`);

    const first = await eventually(() => cardsTo(YEUNG)[0]);
    expect(first.text).toContain(`Referral · ${code} · Urgent`);
    const statusCard = `refst:${(await h.service.referrals.repo.forCase((await h.service.secure.cases.queries.findCase(code)).id))[0]!.id}`;
    await eventually(() => params(statusCard).status?.includes('已發送給 楊健華'));

    clock.advance(29 * MIN);
    await settle();
    expect(cardsTo(KO)).toHaveLength(0);
    clock.advance(MIN);
    const second = await eventually(() => cardsTo(KO)[0]);
    expect(second.text).toContain(`轉介 · ${code} · 急`);
    expect(second.text).toContain('因 楊健華 Dr YEUNG Kin-wah');
    await eventually(() => params(statusCard).status?.includes('未有及時接受：已升級至 高偉倫 Dr KO Wai-lun'));
    for (const s of [first, second]) expect(s.text).not.toContain('TEST Patient');

    // The first call can no longer accept: it is not waiting for him.
    const late = await press(h, lastCardTo(h, YEUNG).outTrackId!, YEUNG, { action: 'referral_accept', referralId: statusCard.slice(6) });
    expect(late.text).toContain('This referral is not waiting for you.');

    const ok = await press(h, lastCardTo(h, KO).outTrackId!, KO, { action: 'referral_accept', referralId: statusCard.slice(6) });
    expect(ok.text).toContain(`已接受。你可於`);
    const accepted = await eventually(() => params(statusCard).status?.includes('已接受；個案存取權限至') && params(statusCard).status);
    expect(accepted).toMatch(/^高偉倫 Dr KO Wai-lun .*已接受；個案存取權限至 \d{4}-\d\d-\d\d \d\d:\d\d HKT。$/);
    const referralId = statusCard.slice(6);
    expect(await h.service.escalation.stateOf(referralId)).toMatchObject([{ recipientId: clinicianId(h, YEUNG), status: 'stopped', stopReason: 'accepted' }]);

    // 72 h consult grant to the whole case: `why` names it, in Dr Ko's language.
    const why = await ask(h, null, KO, `why ${code}`);
    expect(why).toContain('你持有此個案有效的會診授權');
    // Past the window again, nobody else is asked.
    clock.advance(31 * MIN);
    await settle();
    expect(cardsTo(POON)).toHaveLength(0);

    // The dashboard's referral figures: 30 min to accept (urgent, cardiology); nobody holds an open one now.
    const token = await adminTokenFor(h.service, clinicianId(h, 'qmh-cb-admin'));
    const stats = await app.inject({ method: 'GET', url: '/api/admin/referrals/stats?days=7', headers: { authorization: `Bearer ${token}` } });
    expect(stats.json()).toEqual({ days: 7, timeToAccept: [{ severity: 'urgent', specialty: 'cardiology', accepted: 1, medianMs: 30 * MIN, p90Ms: 30 * MIN }], openLoad: [] });
  });
});
