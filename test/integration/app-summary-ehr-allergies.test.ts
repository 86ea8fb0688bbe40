import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN } from '../helpers/sharing-flow.js';
import { KEY_POINTS_EHR_WAIT_MS } from '../../src/usecases/summary/summary-ehr-allergies.js';
import { HO, medsWorld, type MedsWorld } from './app-medications-fixture.js';

const status = (kind: string, code: string) => ({ coding: [{ system: `http://terminology.hl7.org/CodeSystem/allergyintolerance-${kind}`, code }] });

/** Issue 13 item 5: the EHR's allergies (FHIR AllergyIntolerance, through the adapter and simulator) in a case's key points. */
describe('key points: allergies from the EHR (FHIR simulator)', () => {
  let w: MedsWorld;
  const summary = (who: string) => w.as(who, 'GET', `/api/app/cases/${w.code}/summary`);

  beforeAll(async () => {
    w = await medsWorld();
    const patient = { reference: `Patient/${w.patientId}` };
    w.fhir.addResource({
      resourceType: 'AllergyIntolerance', patient, criticality: 'high', category: ['medication'],
      clinicalStatus: status('clinical', 'active'), verificationStatus: status('verification', 'confirmed'), code: { text: '阿莫西林' },
    });
    w.fhir.addResource({ resourceType: 'AllergyIntolerance', patient, criticality: 'low', category: ['food'], verificationStatus: status('verification', 'unconfirmed'), code: { text: 'Peanut' } });
    w.fhir.addResource({ resourceType: 'AllergyIntolerance', patient, verificationStatus: status('verification', 'entered-in-error'), code: { text: 'Aspirin' } });
    w.fhir.addResource({ resourceType: 'AllergyIntolerance', patient, verificationStatus: status('verification', 'refuted'), code: { text: 'Penicillin V' } });
    w.fhir.addResource({ resourceType: 'AllergyIntolerance', patient: { reference: 'Patient/999999' }, code: { text: 'Ibuprofen' } });
  }, 60_000);
  afterAll(async () => w?.close());

  it('When someone off the care team asks for the key points, then 403 and the EHR is not asked', async () => {
    const before = w.fhir.requests.length;
    const res = await summary(HO);
    expect([res.statusCode, res.json().code]).toEqual([403, 'access.denied']);
    expect(w.fhir.requests.length).toBe(before);
  });

  it('When the attending opens the key points, then the EHR’s allergies are listed with criticality and status, drugs normalised; entered-in-error, refuted and other patients’ left out', async () => {
    const res = await summary(CHAN);
    expect(res.statusCode).toBe(200);
    const { ehrAllergies, allergyAlerts } = res.json();
    expect(allergyAlerts).toEqual([]);
    expect(ehrAllergies.state).toBe('listed');
    expect(ehrAllergies.items).toHaveLength(2);
    expect(ehrAllergies.items).toEqual(expect.arrayContaining([
      { ref: expect.stringMatching(/^AllergyIntolerance\//), text: '阿莫西林', criticality: 'high', clinicalStatus: 'active', verification: 'confirmed', category: 'medication', drug: { entry: 'drug.amoxicillin', canonical: 'amoxicillin' } },
      { ref: expect.stringMatching(/^AllergyIntolerance\//), text: 'Peanut', criticality: 'low', verification: 'unconfirmed', category: 'food', drug: null },
    ]));
    expect(w.fhir.requests.some((r) => r.path === '/fhir/AllergyIntolerance/_search')).toBe(true);
  });

  it('When the EHR is down, then the key points still answer, saying the EHR allergies are unavailable (not "none")', async () => {
    w.fhir.down(true);
    try {
      const res = await summary(CHAN);
      expect(res.statusCode).toBe(200);
      expect(res.json().ehrAllergies).toEqual({ state: 'unavailable', reason: 'ehr.unavailable' });
    } finally {
      w.fhir.down(false);
    }
  });

  it('When the EHR is slower than the key points wait, then they answer within it, saying the EHR allergies are unavailable', async () => {
    w.fhir.fail({ on: 'AllergyIntolerance', delayMs: KEY_POINTS_EHR_WAIT_MS + 1_500 });
    const res = await summary(CHAN);
    expect(res.statusCode).toBe(200);
    expect(res.json().ehrAllergies).toEqual({ state: 'unavailable', reason: 'ehr.unavailable' });
  }, 15_000);

  it('Each read reveals the HKID audited as ehr_allergy_read; no substance in the audit log, chat or logs', async () => {
    await w.h.service.audit.flush();
    const q = (sql: string) => w.h.service.db.sqlite.prepare(sql).all();
    expect(q("SELECT count(*) AS n FROM audit_entries WHERE action = 'case.patient_revealed' AND reason = 'ehr_allergy_read'")).toEqual([{ n: 3 }]);
    const everything = JSON.stringify(q('SELECT * FROM audit_entries')) + JSON.stringify(w.h.sim.sent) + w.h.logs();
    for (const s of ['阿莫西林', 'Peanut', 'amoxicillin']) expect(everything).not.toContain(s);
  });
});
