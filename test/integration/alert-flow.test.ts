import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, WONG } from '../helpers/sharing-flow.js';
import { fhirErrors } from '../unit/ehr-fixtures.js';
import { openInApp } from './burn-fixture.js';
import { groupOfCase, alertCase, alertRow, alertWorld, allergiesFor, FORM, PATIENT_NAME, raiseAlert, sceneGroupOf, type AlertWorld } from './alert-fixture.js';
import { CHEUNG, clinicianId, eventually, HO, makeHkid, sentSince } from './sharing-edge-fixture.js';

const HOUR = 3_600_000;

/**
 * The allergy alert end to end: real SDK, DingTalk simulator, simulated FHIR server, SQLite, crypto
 * and HTTP, on a hand-moved service clock. Dr Ho (A&E, QMH) raises it; the A&E nurse and the
 * patient's family doctor (referring, HPH) are put into a scene group; the attending gets it 1:1.
 */
describe('emergency allergy alert', () => {
  let w: AlertWorld;
  let code: string;
  const hkid = makeHkid('K', '314159');
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, hkid);
  });
  afterAll(async () => w?.close());

  it('When Dr Ho submits the form, then the EHR gets a valid AllergyIntolerance, the scene group is made and everyone is notified', async () => {
    const from = w.h.sim.sent.length;
    const raised = await raiseAlert(w, code);
    expect(raised).toMatchObject({ caseCode: code, recipients: 3 });
    // The structured record was queued before the chat copy existed: its row is older than the item.
    const alert = await alertRow(w, raised.alertId);
    expect(alert.ehrPendingId).toBe(raised.ehrPendingId);
    expect(await w.h.service.ehrQueue.status(raised.ehrPendingId)).toBeDefined();

    const [resource] = await eventually(() => (allergiesFor(w.fhir, raised.alertId).length ? allergiesFor(w.fhir, raised.alertId) : undefined));
    expect(fhirErrors(resource)).toEqual([]);
    const patientId = w.fhir.resources('Patient').find((p) => JSON.stringify(p).includes(hkid))!.id;
    expect(resource).toMatchObject({
      resourceType: 'AllergyIntolerance',
      criticality: 'high',
      category: ['medication'],
      patient: { reference: `Patient/${patientId}` },
      code: { text: FORM.substance },
      reaction: [{ manifestation: [{ text: FORM.reaction }], severity: 'severe' }],
    });
    expect(JSON.stringify(resource)).not.toContain(hkid);
    await eventually(async () => (await w.h.service.ehrQueue.status(raised.ehrPendingId))?.status === 'done');

    const group = await sceneGroupOf(w, raised.alertId);
    expect(group.title).toBe(`Allergy alert · ${code}`);
    expect(group.ownerId).toBe(HO);
    expect([...group.memberIds].sort()).toEqual([CHEUNG, HO, WONG].sort());
    expect(w.h.sim.org.groups.get(groupOfCase(code))!.title).not.toContain('Allergy');

    const card = await sentSince(w.h, from, (s) => s.via === 'card' && s.conversationId === group.openConversationId);
    expect(card.outTrackId).toBe(`alert:${raised.alertId}:${group.openConversationId}`);
    expect(card.text).toContain(`🚨 Allergy alert for ${code} from Dr HO Wing-yee · Accident & Emergency · QMH`);
    expect(card.text).toContain('burns 10 min after you open it'); // ALERT_READ_WINDOW_MINUTES default
    const direct = await sentSince(w.h, from, (s) => s.via === 'card' && (s.userIds ?? []).includes(CHAN));
    expect(direct.outTrackId).toBe(`alert:${raised.alertId}:${CHAN}`);
    // Group members get the group card only; nobody but the attending gets a 1:1 alert card (the raiser's
    // own 1:1 card is her live status card, alert-status-card.test.ts).
    const oneToOne = w.h.sim.sent.slice(from).filter((s) => s.via === 'card' && s.userIds?.length && s.outTrackId?.startsWith('alert:'));
    expect(oneToOne.flatMap((s) => s.userIds)).toEqual([CHAN]);
    expect((await alertRow(w, raised.alertId)).cardIds).toBe(JSON.stringify([card.outTrackId, direct.outTrackId]));
  });

  it('When the family doctor opens the card, then they read the alert, their escalation stops, and the others are still chased', async () => {
    const alert = (await w.h.service.alerts.repo.forCase((await w.h.service.secure.cases.queries.findCase(code)).id))[0]!;
    const itemId = alert.ephemeralItemId!;
    const chased = await w.h.service.escalation.stateOf(itemId);
    expect(chased.map((r) => r.recipientId).sort()).toEqual([clinicianId(w.h, CHAN), clinicianId(w.h, CHEUNG), clinicianId(w.h, WONG)].sort());
    expect(chased.every((r) => r.itemType === 'alert' && r.status === 'active')).toBe(true);

    const from = w.h.sim.sent.length;
    await w.h.sim.clickCard({ outTrackId: `alert:${alert.id}:${alert.sceneGroupId}`, userId: WONG, params: { action: 'burn_open', itemId } });
    const answer = await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(WONG));
    const res = await openInApp(w.h, w.app, answer.text, WONG);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { kind: string; text: string; remainingSeconds: number };
    expect(body.kind).toBe('text');
    expect(body.remainingSeconds).toBe(600);
    for (const v of [FORM.substance, FORM.reaction, FORM.note, code]) expect(body.text).toContain(v);
    expect(body.text).not.toContain(hkid);

    const wong = (await w.h.service.escalation.stateOf(itemId)).find((r) => r.recipientId === clinicianId(w.h, WONG))!;
    expect(wong).toMatchObject({ status: 'stopped', stopReason: 'opened' });
    expect((await w.h.service.escalation.stateOf(itemId)).filter((r) => r.status === 'active')).toHaveLength(2);
  });

  it('When the chat copy burns, then the cards say so and the EHR record stays', async () => {
    const alert = (await w.h.service.alerts.repo.forCase((await w.h.service.secure.cases.queries.findCase(code)).id))[0]!;
    const from = w.h.sim.sent.length;
    w.clock.advance(24 * HOUR); // the item's maximum lifetime: destroyed, opened or not
    await eventually(async () => (await w.h.service.burn.repo.find(alert.ephemeralItemId!))?.status === 'destroyed');
    const update = await sentSince(w.h, from, (s) => s.via === 'cardUpdate' && s.outTrackId === `alert:${alert.id}:${alert.sceneGroupId}`);
    expect(update.text).toContain(`Allergy alert for ${code} has burned`);
    await sentSince(w.h, from, (s) => s.via === 'cardUpdate' && s.outTrackId === `alert:${alert.id}:${CHAN}`);
    expect(allergiesFor(w.fhir, alert.id)).toHaveLength(1);
    expect(await w.h.service.ehrQueue.status(alert.ehrPendingId)).toMatchObject({ status: 'done' });
    // Nobody is chased for a burned alert.
    await eventually(async () => (await w.h.service.escalation.stateOf(alert.ephemeralItemId!)).every((r) => r.status !== 'active'));
    expect((await w.h.service.escalation.stateOf(alert.ephemeralItemId!)).filter((r) => r.stopReason === 'item_closed')).toHaveLength(2);
  });

  it('When 72 h have passed, then the temporary group is archived: a closing line, then everyone but the owner removed', async () => {
    const alert = (await w.h.service.alerts.repo.forCase((await w.h.service.secure.cases.queries.findCase(code)).id))[0]!;
    expect(alert.archiveAt).toBe(alert.createdAt + 72 * HOUR);
    const from = w.h.sim.sent.length;
    w.clock.set(alert.archiveAt - 1);
    await new Promise((r) => setTimeout(r, 100));
    expect((await alertRow(w, alert.id)).status).toBe('sent');
    w.clock.set(alert.archiveAt);
    await eventually(async () => (await alertRow(w, alert.id)).status === 'archived');
    const closing = await sentSince(w.h, from, (s) => s.via === 'group' && s.conversationId === alert.sceneGroupId);
    expect(closing.text).toContain('archived');
    await eventually(() => w.h.sim.org.groups.get(alert.sceneGroupId!)!.memberIds.length === 1);
    expect([...w.h.sim.org.groups.get(alert.sceneGroupId!)!.memberIds]).toEqual([HO]);
  });

  it('Then no HKID, patient name or allergy detail went into any simulator message or log line', async () => {
    const everything = JSON.stringify(w.h.sim.sent) + w.h.logs();
    for (const secret of [hkid, hkid.replace(/[()]/g, ''), PATIENT_NAME, FORM.substance, FORM.reaction, FORM.note]) {
      expect(everything).not.toContain(secret);
    }
  });
});
