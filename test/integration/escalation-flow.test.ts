import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, viewAs, viewToken } from '../helpers/sharing-flow.js';
import { ask, auditMark, auditSince, clinicianId, eventually, makeHkid } from './sharing-edge-fixture.js';
import { addColleague, caseWithLam, NG, shareUrgent } from './escalation-fixture.js';

const MIN = 60_000;
const settle = () => new Promise((r) => setTimeout(r, 150)); // several scheduler ticks (20 ms)

/**
 * Unread escalation end to end with a hand-moved service clock: the real service, its scheduler on a
 * short real-time tick, the outbox and the DingTalk simulator. Dr Chan shares an urgent report with
 * Dr Lam; Dr Ng (same specialty, same institution, not a recipient) is the next colleague.
 */
describe('unread escalation', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const sentTo = (userId: string, via: string) => h.sim.sent.filter((s) => s.via === via && (s.userIds ?? []).includes(userId));
  const reminders = () => sentTo(LAM, 'oto').filter((s) => s.text.includes('⏰ Reminder'));
  const escalationsTo = (userId: string) => sentTo(userId, 'oto').filter((s) => s.text.includes('🔺 Escalation'));

  beforeAll(async () => {
    h = await startHarness({ clock, env: { ESCALATION_DING: 'true' }, service: { escalationTickMs: 20 } });
    addColleague(h);
    app = await appFor(h);
    code = await caseWithLam(h, makeHkid('U', '246801'));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When Dr Lam leaves an urgent report unopened, then at 5 min he is reminded 1:1 and DINGed, at 10 min Dr Ng is asked, and opening stops it', async () => {
    const docId = await shareUrgent(h, app, code);
    const patientName = 'ESCALATION Patient';

    clock.advance(4 * MIN + 59_000);
    await settle();
    expect(reminders()).toHaveLength(0);
    expect(sentTo(LAM, 'ding')).toHaveLength(0);

    clock.advance(1000);
    await settle();
    const reminder = await eventually(() => reminders()[0]);
    expect(reminder.text).toContain(`Reminder · ${code}`);
    expect(reminder.text).toContain(`An urgent report on case ${code} is waiting for you`);
    expect(reminder.text).toContain('CHAN Tai-man');
    const ding = await eventually(() => sentTo(LAM, 'ding')[0]);
    expect(ding.text).toBe(`ConsultBridge: an urgent report on case ${code} is waiting for you.`);
    expect((ding.raw as { remindType: number }).remindType).toBe(1);
    await settle();
    expect(escalationsTo(NG)).toHaveLength(0);

    clock.advance(5 * MIN);
    const escalated = await eventually(() => escalationsTo(NG)[0]);
    expect(escalated.text).toContain('LAM Ka-ming');
    expect(escalated.text).toContain(`has not opened an urgent report on case ${code}`);
    // Issue 12 item 6: Dr Ng is let in to act (the notice links the report), not told to `request` access
    // from the attending; Dr Chan, who shared it, hears who has not opened it and who was asked.
    expect(escalated.text).toContain('You are next on the escalation list and can read it now: [Open](');
    expect(escalated.text).not.toContain('continuing_care');
    const told = await eventually(() => sentTo(CHAN, 'oto').find((s) => s.text.includes(`仍未讀 · ${code}`)));
    expect(told.text).toMatch(/林嘉明 Dr LAM Ka-ming .*仍未開啟你於 14:00 HKT 發出的個案 C-\w+ 緊急報告。我已轉交 吳國偉 Dr NG Kwok-wai/);
    // Dr Chan shares the specialty and institution but shared the report: never the escalation colleague.
    expect(escalationsTo(CHAN)).toHaveLength(0);
    for (const s of [reminder, ding, escalated]) expect(s.text).not.toContain(patientName);

    const receipts = await ask(h, h.demo.groups.cardiologyConsult, CHAN, `@ConsultBridge receipts ${code}`);
    // Dr Chan reads Chinese: each step with who and when (HK time: the clock started at 14:00).
    expect(receipts).toContain('升級: ⏰ 已提醒 林嘉明 Dr LAM Ka-ming · Associate Consultant, Cardiology · 瑪麗醫院 14:05');
    expect(receipts).toContain('升級: 📳 DING 林嘉明 Dr LAM Ka-ming');
    expect(receipts).toMatch(/升級: 🔺 已升級至 吳國偉 Dr NG Kwok-wai .*\(代 林嘉明 Dr LAM Ka-ming .*\) 14:10/);

    // Dr Lam opens the report from the reminder's link: the mini-app signs him in and asks for a view token.
    const view = await viewAs(h, app, await viewToken(h, app, reminder.text, LAM), LAM);
    expect(view.statusCode).toBe(200);
    expect(await h.service.escalation.stateOf(docId)).toMatchObject([{ recipientId: clinicianId(h, LAM), status: 'stopped', stopReason: 'opened', step: 2 }]);

    const sentBefore = h.sim.sent.length;
    clock.advance(30 * MIN);
    await settle();
    expect(h.sim.sent.slice(sentBefore).filter((s) => s.via === 'oto' || s.via === 'ding')).toHaveLength(0);

    const lam = clinicianId(h, LAM);
    const entries = (await auditSince(h, 0)).filter((e) => e.action.startsWith('escalation.') && e.target === `${docId}:${lam}`);
    expect(entries.map((e) => [e.action, e.actor, e.reason])).toEqual([
      ['escalation.reminded', 'system', 'document'],
      ['escalation.ding', 'system', 'document'],
      ['escalation.escalated', 'system', `to:${clinicianId(h, NG)}`],
      ['escalation.stopped', 'system', 'opened'],
    ]);
    const after = await ask(h, h.demo.groups.cardiologyConsult, CHAN, `@ConsultBridge receipts ${code}`);
    expect(after).toMatch(/升級: ✔ 已停止 林嘉明 Dr LAM Ka-ming .* · 已開啟 14:10/);
  });

  it('When Dr Ng opens the report from his escalation notice, then it opens for him and Dr Lam is no longer chased', async () => {
    const docId = await shareUrgent(h, app, code);
    const before = escalationsTo(NG).length;
    clock.advance(5 * MIN);
    await eventually(async () => (await h.service.escalation.stateOf(docId))[0]?.step === 1);
    clock.advance(5 * MIN);
    const escalated = await eventually(() => escalationsTo(NG)[before]);
    const mark = await auditMark(h);
    const view = await viewAs(h, app, await viewToken(h, app, escalated.text, NG), NG);
    expect(view.statusCode).toBe(200);
    expect(await h.service.escalation.stateOf(docId)).toMatchObject([{ recipientId: clinicianId(h, LAM), status: 'stopped', stopReason: 'opened_by_colleague' }]);
    const granted = (await auditSince(h, 0, { action: 'grant.created' })).filter((e) => e.target === docId);
    expect(granted).toMatchObject([{ actor: clinicianId(h, CHAN), reason: 'urgent_escalation' }]);
    expect((await auditSince(h, mark, { action: 'document.viewed' })).map((e) => [e.actor, e.target, e.outcome])).toContainEqual([clinicianId(h, NG), docId, 'success']);
  });

  it('When the service restarts mid-countdown, then the new run takes the due steps from the database and gives up when the chain runs out', async () => {
    const docId = await shareUrgent(h, app, code);
    clock.advance(3 * MIN);
    await h.restart();
    addColleague(h);
    await settle();
    expect(await h.service.escalation.stateOf(docId)).toMatchObject([{ status: 'active', step: 0 }]);

    const before = reminders().length;
    clock.advance(2 * MIN);
    await eventually(() => reminders().length === before + 1);
    const ngBefore = escalationsTo(NG).length;
    clock.advance(5 * MIN);
    await eventually(() => escalationsTo(NG).length === ngBefore + 1);

    // Nobody else qualifies (Dr Chan shared it; Dr Ng was asked): the next step ends the escalation.
    clock.advance(5 * MIN);
    await eventually(async () => (await h.service.escalation.stateOf(docId))[0]?.status === 'exhausted');
    expect((await h.service.escalation.stateOf(docId))[0]).toMatchObject({ stopReason: 'chain_exhausted', nextAt: null });
    expect(escalationsTo(NG)).toHaveLength(ngBefore + 1);
    const stopped = (await auditSince(h, 0, { action: 'escalation.stopped' })).filter((e) => e.target === `${docId}:${clinicianId(h, LAM)}`);
    expect(stopped).toMatchObject([{ actor: 'system', reason: 'chain_exhausted' }]);
    // Dr Chan, who shared it, is told that nobody is left to ask.
    await eventually(() => sentTo(CHAN, 'oto').find((s) => s.text.includes(`仍未開啟你於`) && s.text.includes('沒有其他可轉交的同事')));
  });

  it('When a report is shared without the urgent flag, then nobody is chased', async () => {
    const tracked = await h.service.escalation.track({ itemType: 'document', itemId: 'not-urgent', caseId: 'c', recipients: [clinicianId(h, LAM)], urgent: false });
    expect(tracked).toBe(0);
    expect(await h.service.escalation.stateOf('not-urgent')).toEqual([]);
  });
});
