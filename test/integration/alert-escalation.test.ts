import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertRow, alertWorld, FORM, openAlertAs, raiseAlert, type AlertWorld } from './alert-fixture.js';
import { CHEUNG, clinicianId, eventually, HO, makeHkid, sentSince } from './sharing-edge-fixture.js';

const MIN = 60_000;

/**
 * Issue 12 item 6: an unread allergy alert is escalated to someone who can act. The attending (Dr
 * Chan, Cardiology, QMH) does not open it: after the reminder, the next same-specialty colleague at
 * his institution (Dr Lam) is let in and sent the alert's card, and the raiser (Dr Ho) is told 1:1
 * who has not opened it and who was asked. Nobody is told to `request … continuing_care`.
 */
describe('allergy alert escalation to someone who can act', () => {
  let w: AlertWorld;
  let code: string;
  let alertId: string;
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('Q', '141421'));
    ({ alertId } = await raiseAlert(w, code));
    await eventually(async () => (await alertRow(w, alertId)).status === 'sent');
  });
  afterAll(async () => w?.close());

  it('When nobody opens the alert, then after the reminder the attending’s same-specialty colleague gets the alert’s card and can read it, and the raiser hears who was asked', async () => {
    const from = w.h.sim.sent.length;
    w.clock.advance(5 * MIN); // reminders
    await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(CHAN) && s.text.includes('提醒'));
    w.clock.advance(5 * MIN); // escalation
    const card = await sentSince(w.h, from, (s) => s.via === 'card' && (s.userIds ?? []).includes(LAM));
    expect(card.outTrackId).toBe(`alert:${alertId}:${LAM}`);
    const told = await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(LAM) && s.text.includes('Escalation'));
    expect(told.text).toContain('CHAN Tai-man');
    expect(told.text).toContain('open it from the alert card just sent to you');
    expect(told.text).not.toContain('continuing_care');

    // The raiser (Chinese) hears it 1:1: names and the case code, nothing about the patient.
    const raiser = await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(HO) && s.text.includes('陳大文'));
    expect(raiser.text).toMatch(/仍未開啟你於 \d{2}:\d{2} 發出的個案 C-\w+ 緊急過敏警示。我已轉交 .*LAM Ka-ming/);
    // Nobody else of their specialty at their institution: the raiser is asked to call them directly.
    await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(HO) && s.text.includes('沒有其他可轉交的同事'));
    for (const s of w.h.sim.sent.slice(from)) expect(s.text).not.toContain(FORM.substance);

    // Dr Lam can act: the card opens the alert for him, and Dr Chan's escalation ends as handled.
    const opened = await openAlertAs(w, alertId, LAM);
    expect(opened.statusCode, opened.body).toBe(200);
    expect((opened.json() as { text: string }).text).toContain(FORM.substance);
    const row = await alertRow(w, alertId);
    const chan = (await w.h.service.escalation.stateOf(row.ephemeralItemId!)).find((r) => r.recipientId === clinicianId(w.h, CHAN))!;
    expect(chan).toMatchObject({ status: 'stopped', stopReason: 'opened_by_colleague' });
    expect(JSON.parse(row.cardIds)).toContain(`alert:${alertId}:${LAM}`);
  });

  it('Then the other unread recipients (no same-specialty colleague) were not sent to the attending either', async () => {
    const row = await alertRow(w, alertId);
    const steps = await w.h.service.escalation.stepsFor([row.ephemeralItemId!]);
    const targets = steps.filter((s) => s.action === 'escalated').map((s) => s.targetId);
    expect(targets).toEqual([clinicianId(w.h, LAM)]);
    for (const user of [WONG, CHEUNG]) {
      expect(steps.filter((s) => s.recipientId === clinicianId(w.h, user)).map((s) => s.reason ?? s.action)).toEqual(['reminded', 'chain_exhausted']);
    }
  });
});
