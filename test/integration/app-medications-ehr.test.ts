import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN } from '../helpers/sharing-flow.js';
import { HO, medsWorld, type MedsWorld } from './app-medications-fixture.js';

/** Issue 13 item 1: the EHR's MedicationRequest / MedicationStatement resources imported through the FHIR adapter and simulator. */
describe('medications imported from the EHR (FHIR simulator)', () => {
  let w: MedsWorld;
  const url = () => `/api/cases/${w.code}/medications`;
  const importAs = (who: string) => w.as(who, 'POST', `${url()}/import`);

  beforeAll(async () => {
    w = await medsWorld();
    const subject = { reference: `Patient/${w.patientId}` };
    const registration = `${w.h.service.config.ehr.idSystemBase.replace(/\/+$/, '')}/mchk-registration`;
    w.fhir.addResource({
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject,
      medicationCodeableConcept: { text: 'Coumadin' },
      authoredOn: '2026-11-20T09:00:00+08:00',
      requester: { identifier: { system: registration, value: 'M23456' }, display: 'Dr Lam' },
      dosageInstruction: [{ text: 'once daily', route: { text: 'oral' }, doseAndRate: [{ doseQuantity: { value: 3, unit: 'mg' } }] }],
    });
    w.fhir.addResource({
      resourceType: 'MedicationStatement', status: 'completed', subject,
      medicationCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '1', display: 'Clarithromycin' }] },
      effectivePeriod: { start: '2026-11-01', end: '2026-11-10' },
      informationSource: { display: 'Dr Outside GP' },
    });
    w.fhir.addResource({ resourceType: 'MedicationStatement', status: 'active', subject, medicationCodeableConcept: { text: 'Herbal tonic Qwyx' } });
    w.fhir.addResource({ resourceType: 'MedicationRequest', status: 'entered-in-error', intent: 'order', subject, medicationCodeableConcept: { text: 'Aspirin' } });
    w.fhir.addResource({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/999999' }, medicationCodeableConcept: { text: 'Simvastatin' } });
  }, 60_000);
  afterAll(async () => w?.close());

  it('When someone off the care team asks for an import, then 403 and the EHR is not asked', async () => {
    const before = w.fhir.requests.length;
    const res = await importAs(HO);
    expect([res.statusCode, res.json().code]).toEqual([403, 'access.denied']);
    expect(w.fhir.requests.length).toBe(before);
  });

  it('When the EHR is down, then 503 ehr.unavailable and nothing is written', async () => {
    w.fhir.down(true);
    try {
      const res = await importAs(CHAN);
      expect([res.statusCode, res.json().code]).toEqual([503, 'ehr.unavailable']);
    } finally {
      w.fhir.down(false);
    }
    expect(w.h.service.db.sqlite.prepare('SELECT count(*) AS n FROM case_medications').get()).toEqual({ n: 0 });
  });

  it('When the attending imports, then the patient’s requests and statements are added once each (entered-in-error and other patients’ left out), and onAdded hears each', async () => {
    const res = await importAs(CHAN);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    expect(w.events.map((e) => e.entry.text).sort()).toEqual(['Clarithromycin', 'Coumadin', 'Herbal tonic Qwyx']);
    const again = await importAs(CHAN);
    expect(again.json()).toEqual({ imported: 0 });
    expect(w.events).toHaveLength(3);
  });

  it('The list shows each as the EHR had it: ingredients resolved or kept unresolved, status, dates, dose, prescriber by our directory or by the EHR’s name', async () => {
    const { entries } = (await w.as(CHAN, 'GET', url())).json() as { entries: Record<string, unknown>[] };
    const by = (text: string) => entries.find((e) => e.text === text)!;
    expect(by('Coumadin')).toMatchObject({
      source: 'ehr', ehrRef: expect.stringMatching(/^MedicationRequest\//), ingredients: ['drug.warfarin'], unresolved: [], status: 'active',
      dose: '3 mg', route: 'oral', frequency: 'once daily', startOn: '2026-11-20', prescriber: { nameEn: 'Dr LAM Ka-ming' }, prescriberName: 'Dr LAM Ka-ming', institutionCode: 'QMH',
    });
    expect(by('Clarithromycin')).toMatchObject({ ingredients: ['drug.clarithromycin'], status: 'stopped', startOn: '2026-11-01', stopOn: '2026-11-10', prescriber: null, prescriberName: 'Dr Outside GP' });
    expect(by('Herbal tonic Qwyx')).toMatchObject({ ingredients: [], unresolved: ['Herbal tonic Qwyx'], status: 'active' });
    expect(entries.at(-1)!.text).toBe('Clarithromycin');
    const raw = JSON.stringify(w.h.service.db.sqlite.prepare('SELECT * FROM case_medications').all());
    for (const s of ['Coumadin', 'Clarithromycin', 'Outside GP', 'Qwyx', '3 mg']) expect(raw).not.toContain(s);
  });

  it('The import is audited with counts, and the identity reveal it needed says why; no drug in the audit log, chat or logs', async () => {
    await w.h.service.audit.flush();
    const q = (sql: string) => w.h.service.db.sqlite.prepare(sql).all();
    expect(q("SELECT outcome, reason FROM audit_entries WHERE action = 'medication.imported' ORDER BY idx")).toEqual([
      { outcome: 'denied', reason: expect.any(String) },
      { outcome: 'success', reason: 'imported_3_of_3' },
      { outcome: 'success', reason: 'imported_0_of_3' },
    ]);
    expect(q("SELECT count(*) AS n FROM audit_entries WHERE action = 'case.patient_revealed' AND reason = 'ehr_medication_import'")).toEqual([{ n: 3 }]);
    const everything = JSON.stringify(q('SELECT * FROM audit_entries')) + JSON.stringify(w.h.sim.sent) + w.h.logs();
    for (const s of ['Coumadin', 'Clarithromycin', 'Outside GP', 'Qwyx']) expect(everything).not.toContain(s);
  });

  it('The PDPO data access report lists the case’s medications as recorded', async () => {
    const admin = await w.h.service.directoryRepo.findByDingTalkId('qmh-cb-admin');
    const report = await w.h.service.reports.dataAccess.build({ caseCode: w.code, reason: 'data_access_request' }, admin!.id);
    const meds = report.cases[0]!.medications;
    expect(meds.map((m) => m.text).sort()).toEqual(['Clarithromycin', 'Coumadin', 'Herbal tonic Qwyx']);
    expect(meds.find((m) => m.text === 'Coumadin')).toMatchObject({ source: 'ehr', prescriber: { name: expect.any(String) }, institution: 'QMH', recordedBy: expect.anything() });
    expect(meds.find((m) => m.text === 'Clarithromycin')).toMatchObject({ prescriber: null, prescriberName: 'Dr Outside GP', status: 'stopped' });
  });

  it('When the case is closed, then nothing is added or imported (409 case.closed) but the team still reads the list', async () => {
    const chan = await w.h.service.directory.resolveOrEnroll(CHAN, '');
    await w.h.service.secure.lifecycle.setStatus(chan, w.code, 'closed');
    const add = await w.as(CHAN, 'POST', url(), { text: 'aspirin', confirmed: [] });
    expect([add.statusCode, add.json().code]).toEqual([409, 'case.closed']);
    expect((await importAs(CHAN)).json().code).toBe('case.closed');
    expect((await w.as(CHAN, 'GET', url())).json().entries).toHaveLength(3);
    expect((await w.as(HO, 'POST', url(), { text: 'aspirin', confirmed: [] })).statusCode).toBe(403);
  });
});
