import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContentPdf, bigPng } from '../fixtures/hostile-files.js';
import { asUser } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, allergiesFor, FORM, groupOfCase, sceneGroupOf, type AlertWorld } from './alert-fixture.js';
import { ask, auditSince, CHEUNG, clinicianId, eventually, HO, makeHkid } from './sharing-edge-fixture.js';

/** The mini-app's allergy form: what the screen may offer, the raise itself, retries and refusals. */
describe('mini-app compose: allergy alert form', () => {
  let w: AlertWorld;
  beforeAll(async () => {
    w = await alertWorld();
  }, 30_000);
  afterAll(async () => w?.close());

  const options = (code: string, user = HO) => asUser(w.h, w.app, user, { method: 'GET', url: `/api/app/cases/${code}/compose` });
  const submit = (code: string, body: Record<string, unknown>, user = HO) => asUser(w.h, w.app, user, { method: 'POST', url: `/api/app/cases/${code}/alert`, payload: body });
  const alertsOn = (code: string) => w.h.service.alerts.service.forCase(w.h.service.secure.caseReads.caseByCode(code)!.id);

  it('Dr Ho on the care team submits the form: the alert is raised, the EHR gets the allergy once, and a retried submit is the same alert', async () => {
    const code = await alertCase(w, makeHkid('T', '271828'));
    expect((await options(code)).json()).toMatchObject({ alert: 'share', alertChoices: { severity: ['mild', 'moderate', 'severe'] } });
    const submissionId = randomUUID();
    const res = await submit(code, { ...FORM, submissionId });
    expect(res.statusCode, res.body).toBe(201);
    const { alertId, recipients, scan } = res.json() as { alertId: string; recipients: number; scan: boolean };
    expect({ recipients, scan }).toEqual({ recipients: 3, scan: false });
    expect(res.body).not.toContain('Penicillin');
    const group = await sceneGroupOf(w, alertId);
    expect([...group.memberIds].sort()).toEqual([CHEUNG, HO, 'hph-wong-siuming'].sort());
    await eventually(() => allergiesFor(w.fhir, alertId).length === 1);

    // The answer was lost and the screen sends the same submission again: no second alert or record.
    const again = await submit(code, { ...FORM, submissionId });
    expect(again.statusCode).toBe(409);
    expect(await alertsOn(code)).toHaveLength(1);
    expect(allergiesFor(w.fhir, alertId)).toHaveLength(1);
    const audited = (await auditSince(w.h, 0, { action: 'alert.raised' })).filter((e) => e.target === alertId);
    expect(audited).toMatchObject([{ actor: clinicianId(w.h, HO), reason: 'share:recipients_3' }]);
  });

  it('A bad form or a missing submission id is request.invalid naming the fields, never the values, and raises nothing', async () => {
    const code = await alertCase(w, makeHkid('U', '161803'));
    const noReaction = await submit(code, { ...FORM, reaction: undefined, submissionId: randomUUID() });
    expect(noReaction.statusCode).toBe(400);
    expect(noReaction.json()).toMatchObject({ code: 'request.invalid' });
    expect(noReaction.body).not.toContain('Penicillin');
    expect((await submit(code, { ...FORM })).statusCode).toBe(400);
    expect((await submit(code, { ...FORM, criticality: 'very', submissionId: randomUUID() })).statusCode).toBe(400);
    expect((await submit(code, { ...FORM, scan: 'not*base64!', submissionId: randomUUID() })).json()).toMatchObject({ code: 'request.invalid' });
    expect(await alertsOn(code)).toHaveLength(0);
  });

  it('A hostile scan (a PNG declaring 20000×20000, a PDF with JavaScript) is refused with its code before the alert is recorded', async () => {
    const code = await alertCase(w, makeHkid('W', '577215'));
    const cases: Array<[Buffer, string]> = [[bigPng(20_000, 20_000), 'upload.image_too_large'], [await activeContentPdf('javascript'), 'upload.active_content']];
    for (const [bytes, errorCode] of cases) {
      const res = await submit(code, { ...FORM, scan: bytes.toString('base64'), submissionId: randomUUID() });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: errorCode });
    }
    expect(await alertsOn(code)).toHaveLength(0);
  }, 30_000);

  it('Off the care team the screen is refused until Dr Ho breaks glass; then it offers only the alert and the raise is audited as break-glass', async () => {
    const code = await alertCase(w, makeHkid('V', '141421'), { hoOnTeam: false });
    const refused = await options(code);
    expect(refused.statusCode).toBe(403);
    expect((await submit(code, { ...FORM, submissionId: randomUUID() })).json()).toMatchObject({ code: 'access.denied' });
    expect(await alertsOn(code)).toHaveLength(0);

    expect(await ask(w.h, groupOfCase(code), HO, `@ConsultBridge breakglass ${code} unconscious patient, allergy history needed`)).toContain('緊急存取');
    expect((await options(code)).json()).toMatchObject({ share: false, burn: false, alert: 'break_glass' });
    const res = await submit(code, { ...FORM, submissionId: randomUUID() });
    expect(res.statusCode, res.body).toBe(201);
    const audited = (await auditSince(w.h, 0, { action: 'alert.raised' })).filter((e) => e.target === res.json().alertId);
    expect(audited).toMatchObject([{ actor: clinicianId(w.h, HO), reason: 'break_glass:recipients_3' }]);
  });
});
