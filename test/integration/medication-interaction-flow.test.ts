import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MedicationAddedDto, MedicationListDto, NormaliseDto } from '../../src/contract/medications.js';
import type { InteractionAlertDto } from '../../src/contract/interactions.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { replyAfter } from '../helpers/service-harness.js';
import { asUser, CHAN, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, groupOfCase, type AlertWorld } from './alert-fixture.js';
import { chatSince } from './interaction-fixture.js';
import { auditMark, auditSince, clinicianId, HO, makeHkid, sentSince } from './sharing-edge-fixture.js';

/** Every form in which the two drugs were written or resolved: none may reach a chat payload. */
const DRUG_WORDS = ['薄血丸', 'warfarin', '華法林', '华法林', '滅滴靈', 'metronidazole', '甲硝唑', 'flagyl', 'anticoag'];

/**
 * Issue 13's "Done when", as the doctors do it: through the real dingtalk-stream SDK and the DingTalk
 * simulator, with the mini-app's own calls. Dr Ho (A&E, Queen Mary) and Dr Wong (family medicine,
 * Harbourside Private) prescribe on one case Dr Chan attends: 薄血丸 (warfarin) and 滅滴靈 (metronidazole),
 * each confirmed from what the normaliser matched. All three get the content-free urgent card; the
 * app shows the details; Dr Wong overrides with a reason, and that is audited.
 */
describe('medications from two prescribers at two institutions interact (issue 13, done when)', () => {
  let w: AlertWorld;
  let code: string;
  let from: number;
  let alertId: string;
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('T', '141421'));
    from = w.h.sim.sent.length;
  });
  afterAll(async () => w?.close());

  /** As the mini-app's form does: look the name up, then save it with the drug the doctor ticked. */
  async function prescribe(userId: string, text: string, expected: string): Promise<MedicationAddedDto> {
    const looked = await asUser(w.h, w.app, userId, { method: 'POST', url: '/api/clinical/normalise', payload: { text } });
    expect(looked.statusCode, looked.body).toBe(200);
    const drug = (looked.json() as NormaliseDto).matches.find((m) => m.kind === 'drug')!;
    expect(drug).toMatchObject({ canonical: expected, how: 'exact', score: 1 });
    const saved = await asUser(w.h, w.app, userId, { method: 'POST', url: `/api/cases/${code}/medications`, payload: { text, dose: '1 tab', confirmed: [drug.entry] } });
    expect(saved.statusCode, saved.body).toBe(201);
    return saved.json() as MedicationAddedDto;
  }

  it('When Dr Ho asks for the list in the consult group, then the bot answers 1:1 with the link to the case’s medication page', async () => {
    const link = replyAfter(w.h.sim, { userId: HO, via: 'oto' });
    w.h.sim.say(groupOfCase(code), HO, `@ConsultBridge meds ${code}`);
    expect((await link).text).toContain(`/app/doctor/cases/${code}/medications`);
  });

  it('When both prescribers add interacting drugs, then both and the attending get the urgent card: case code and severity only', async () => {
    const first = await prescribe(HO, '薄血丸', 'warfarin');
    expect(first).toMatchObject({ unresolved: [], entry: { ingredientNames: ['warfarin'], prescriber: { institutionCode: 'QMH' } } });
    const mark = w.h.sim.sent.length;
    const second = await prescribe(WONG, '滅滴靈', 'metronidazole');
    expect(second).toMatchObject({ unresolved: [], entry: { ingredientNames: ['metronidazole'], prescriber: { institutionCode: 'HPH' } } });

    const cards = [];
    for (const user of [HO, WONG, CHAN]) {
      cards.push(await sentSince(w.h, mark, (s) => s.via === 'card' && (s.userIds ?? []).includes(user) && (s.outTrackId ?? '').startsWith('interaction:')));
    }
    alertId = cards[0]!.outTrackId!.split(':')[1]!;
    for (const [i, user] of [HO, WONG, CHAN].entries()) {
      expect(cards[i]!.outTrackId).toBe(`interaction:${alertId}:${clinicianId(w.h, user)}`);
      expect(cards[i]!.text).toContain(`Interaction alert on ${code} — major — open`);
      expect(JSON.stringify(cards[i]!.raw)).toContain(`/app/doctor/interactions/${alertId}`);
    }
  });

  it('Then the app shows the care team the list and the alert in full: the pair as entered, who prescribed each where, severity, mechanism, action, sources', async () => {
    const list = await asUser(w.h, w.app, CHAN, { method: 'GET', url: `/api/cases/${code}/medications` });
    expect(list.statusCode, list.body).toBe(200);
    const entries = (list.json() as MedicationListDto).entries.map((e) => [e.text, e.ingredientNames.join('+'), e.prescriber?.institutionCode, e.status]);
    expect(entries.sort()).toEqual([['滅滴靈', 'metronidazole', 'HPH', 'active'], ['薄血丸', 'warfarin', 'QMH', 'active']]);

    const res = await asUser(w.h, w.app, HO, { method: 'GET', url: `/api/interaction-alerts/${alertId}` });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as InteractionAlertDto;
    expect(a).toMatchObject({ caseCode: code, state: 'open', severity: 'major', ruleId: 'anticoag-warfarin-metronidazole', crossPrescriber: true, reviewed: false });
    const sides = Object.fromEntries(a.pair.map((p) => [p.canonical, [p.text, p.prescriber?.institutionCode]]));
    expect(sides).toEqual({ warfarin: ['薄血丸', 'QMH'], metronidazole: ['滅滴靈', 'HPH'] });
    expect(a.mechanism).toEqual(expect.any(String));
    expect(a.action).toEqual(expect.any(String));
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it('When Dr Wong overrides it with a reason, then the alert is overridden and the override is on the audit log (the reason not in it)', async () => {
    const mark = await auditMark(w.h);
    const reason = 'Seven-day course only; INR on day 3 arranged with the attending';
    const ok = await asUser(w.h, w.app, WONG, { method: 'POST', url: `/api/interaction-alerts/${alertId}/override`, payload: { reason } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: alertId, state: 'overridden', decidedBy: { nameEn: expect.stringContaining('WONG') } });
    const audited = await auditSince(w.h, mark, { action: AUDIT_ACTIONS.interactionOverridden });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: clinicianId(w.h, WONG), target: alertId, outcome: 'success' });
    expect(JSON.stringify(audited)).not.toContain('INR');
    const seen = await asUser(w.h, w.app, CHAN, { method: 'GET', url: `/api/interaction-alerts/${alertId}` });
    expect(seen.json()).toMatchObject({ state: 'overridden', reason, decidedBy: { id: clinicianId(w.h, WONG) } });
  });

  it('And no drug, in any form it was written or resolved, reached any chat payload (cards, 1:1 links, reminders)', () => {
    const payloads = chatSince(w, from);
    expect(payloads.length).toBeGreaterThanOrEqual(4);
    for (const payload of payloads) for (const word of DRUG_WORDS) expect(payload).not.toContain(word.toLowerCase());
  });
});
