import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, type AlertWorld } from './alert-fixture.js';
import { chatSince, clinician, decide, DRUG_WORDS, getAlert, listAlerts, prescribe } from './interaction-fixture.js';
import { auditMark, auditSince, clinicianId, eventually, expectDenial, HO, makeHkid, sentSince } from './sharing-edge-fixture.js';

const MIN = 60_000;

/**
 * Issue 13 item 2, the alert flow: Dr Ho (A&E, QMH) and Dr Wong (family medicine, HPH) prescribe on one
 * case that Dr Chan (QMH) attends. Wong's NSAID against Ho's warfarin: all three get a content-free urgent
 * card; the details are in the mini-app for the care team only; the unread are chased; an override needs
 * a reason and is audited; no drug reaches any chat payload.
 */
describe('interaction alerts across prescribers', () => {
  let w: AlertWorld;
  let code: string;
  let alertId: string;
  let from: number;
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('R', '271828'));
    from = w.h.sim.sent.length;
  });
  afterAll(async () => w?.close());

  it('When the second prescriber adds an interacting drug, then both prescribers and the attending get the urgent card, in both languages, with no drug in it', async () => {
    const first = await prescribe(w, code, HO, 'Warfarin 3 mg');
    expect(first.unresolved).toEqual([]);
    const mark = w.h.sim.sent.length;
    await prescribe(w, code, WONG, '布洛芬 400mg');
    const cards = [];
    for (const user of [HO, WONG, CHAN]) cards.push(await sentSince(w.h, mark, (s) => s.via === 'card' && (s.userIds ?? []).includes(user) && (s.outTrackId ?? '').startsWith('interaction:')));
    alertId = cards[0]!.outTrackId!.split(':')[1]!;
    for (const [i, user] of [HO, WONG, CHAN].entries()) {
      expect(cards[i]!.outTrackId).toBe(`interaction:${alertId}:${clinicianId(w.h, user)}`);
      expect(cards[i]!.text).toContain(`Interaction alert on ${code} — major — open`);
      expect(cards[i]!.text).toContain(`個案 ${code} 藥物相互作用警示 — 嚴重 — 待處理`);
      expect(JSON.stringify(cards[i]!.raw)).toContain(`/app/doctor/interactions/${alertId}`);
    }
    // Nobody else was sent one (Dr Cheung is in the group, not on the team).
    expect(w.h.sim.sent.slice(mark).filter((s) => (s.outTrackId ?? '').startsWith('interaction:'))).toHaveLength(3);
  });

  it('Then the case’s care team sees the alert in full (pair as entered and resolved, mechanism, action, alternatives, sources), and an outsider is refused and audited', async () => {
    const list = await listAlerts(w, CHAN, code);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ caseCode: code, alerts: [{ id: alertId, severity: 'major', state: 'open', ruleId: 'anticoag-vka-nsaids' }] });

    const res = await getAlert(w, WONG, alertId);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Record<string, unknown> & { pair: { text: string; canonical: string; prescriber: { nameEn: string; institutionCode: string } }[]; sources: { text: string }[] };
    expect(a).toMatchObject({ caseCode: code, state: 'open', severity: 'major', ruleSetVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/), crossPrescriber: true });
    const sides = Object.fromEntries(a.pair.map((p) => [p.canonical, p]));
    expect(sides.warfarin).toMatchObject({ text: 'Warfarin 3 mg', prescriber: { institutionCode: 'QMH' } });
    expect(sides.ibuprofen).toMatchObject({ text: '布洛芬 400mg', prescriber: { institutionCode: 'HPH' } });
    expect(a.mechanism).toEqual(expect.any(String));
    expect(a.action).toEqual(expect.any(String));
    expect((a.alternatives as string[]).length).toBeGreaterThan(0);
    expect(a.sources.length).toBeGreaterThan(0);

    const mark = await auditMark(w.h);
    const outsider = await getAlert(w, LAM, alertId);
    expect(outsider.statusCode).toBe(403);
    expect((outsider.json() as { code: string }).code).toBe('access.denied');
    expect((await listAlerts(w, LAM, code)).statusCode).toBe(403);
    expect((await decide(w, LAM, alertId, 'acknowledge')).statusCode).toBe(403);
    expectDenial(await auditSince(w.h, mark), { actor: clinicianId(w.h, LAM), action: AUDIT_ACTIONS.interactionViewed, target: code });
  });

  it('When the others leave it unread, then they are reminded 1:1 with the link, and the one who read it is not', async () => {
    const mark = w.h.sim.sent.length;
    w.clock.advance(5 * MIN);
    for (const user of [HO, CHAN]) {
      const r = await sentSince(w.h, mark, (s) => s.via === 'oto' && (s.userIds ?? []).includes(user) && s.text.includes(code));
      expect(r.text).toMatch(/drug interaction alert|藥物相互作用警示/);
      expect(r.text).toContain(`/app/doctor/interactions/${alertId}`);
    }
    const rows = await w.h.service.escalation.stateOf(alertId);
    expect(rows.find((r) => r.recipientId === clinicianId(w.h, WONG))).toMatchObject({ status: 'stopped', stopReason: 'opened' });
    expect(rows.filter((r) => r.status === 'active').map((r) => r.recipientId).sort()).toEqual([clinicianId(w.h, HO), clinicianId(w.h, CHAN)].sort());
    expect(w.h.sim.sent.slice(mark).filter((s) => s.via === 'oto' && (s.userIds ?? []).includes(WONG))).toEqual([]);
  });

  it('When the attending overrides it, then a reason is required, the override is audited with the reason sealed, nobody is chased any more, and it cannot be decided twice', async () => {
    const none = await decide(w, CHAN, alertId, 'override', {});
    expect(none.statusCode).toBe(400);
    expect((none.json() as { code: string }).code).toBe('interaction.reason_required');
    const mark = await auditMark(w.h);
    const ok = await decide(w, CHAN, alertId, 'override', { reason: 'INR checked twice weekly; short course only' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: alertId, state: 'overridden', decidedBy: { nameEn: expect.stringContaining('CHAN') } });
    const audited = (await auditSince(w.h, mark, { action: AUDIT_ACTIONS.interactionOverridden }))[0]!;
    expect(audited).toMatchObject({ actor: clinicianId(w.h, CHAN), target: alertId, outcome: 'success' });
    expect(JSON.stringify(audited)).not.toContain('INR');
    const raw = w.h.service.db.sqlite.prepare('select reason from interaction_alerts where id = ?').get(alertId) as { reason: string };
    expect(raw.reason).not.toContain('INR');

    expect((await decide(w, HO, alertId, 'acknowledge')).json()).toMatchObject({ code: 'interaction.already_decided' });
    expect((await w.h.service.escalation.stateOf(alertId)).every((r) => r.status !== 'active')).toBe(true);
    const seen = await getAlert(w, HO, alertId);
    expect(seen.json()).toMatchObject({ state: 'overridden', reason: 'INR checked twice weekly; short course only', decidedBy: { id: (await clinician(w, CHAN)).id } });
  });

  it('When a drug cannot be resolved, then its prescriber is told 1:1 that it was not checked, never silence', async () => {
    const mark = w.h.sim.sent.length;
    const added = await prescribe(w, code, WONG, 'Zzyxoprofen 200 mg');
    expect(added.unresolved).toEqual(['Zzyxoprofen 200 mg']);
    const told = await sentSince(w.h, mark, (s) => s.via === 'oto' && (s.userIds ?? []).includes(WONG) && s.text.includes(code));
    expect(told.text).toMatch(/could not be checked for interactions|未能作相互作用檢查/);
    expect(told.text).toContain(`/app/doctor/cases/${code}/medications`);
  });

  it('And no drug name, in any form, reached any chat payload', async () => {
    await eventually(() => w.h.sim.sent.length > from);
    for (const payload of chatSince(w, from)) for (const word of DRUG_WORDS) expect(payload).not.toContain(word.toLowerCase());
  });
});
