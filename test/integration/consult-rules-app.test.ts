import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenReferralInput } from '../../src/usecases/referrals/referral-ports.js';
import { CHAN, shareReport, WONG } from '../helpers/sharing-flow.js';
import { medsWorld, type MedsWorld } from './app-medications-fixture.js';

/**
 * Consult rules through the mini-app API and the real service (simulated DingTalk and EHR): a flagged
 * ECG share and an EHR result import fire their rules once, the case screen tags the items, and the
 * flag never leaves the process. The referral port here records; the same through the real referral
 * module (routing, the attending's notice, no access before acceptance) is consult-rules-referral.test.ts.
 */
describe('consult rules on the case: share flags, result import, case screen tags', () => {
  let w: MedsWorld;
  const opened: OpenReferralInput[] = [];
  beforeAll(async () => {
    w = await medsWorld();
    w.h.service.consultRules.fire.openReferral = async (input) => {
      opened.push(input);
      return { referralId: `ref-${opened.length}`, assigneeId: null, status: 'sent' };
    };
  }, 60_000);
  afterAll(async () => w?.close());

  it('When Dr Chan shares an ECG flagged STEMI?, then an emergency cardiology referral opens, the case screen tags the ECG, and the flag is never sent', async () => {
    const docId = await shareReport(w.h, w.app, w.group, CHAN, w.code, undefined, '?type=ecg&flag=STEMI%3F');
    expect(opened).toEqual([expect.objectContaining({ caseId: w.caseId, requesterId: null, severity: 'emergency', specialty: 'cardiology', trigger: { ruleId: 'ecg-stemi', itemType: 'document', itemId: docId } })]);
    expect(JSON.stringify(w.h.sim.sent)).not.toContain('STEMI?');
    const view = (await w.as(WONG, 'GET', `/api/app/cases/${w.code}`)).json() as { consultTriggers: unknown[] };
    expect(view.consultTriggers).toEqual([{ ruleId: 'ecg-stemi', itemType: 'document', documentId: docId, firedAt: expect.any(Number), referralOpened: true, referralId: expect.any(String) }]);
    await w.h.service.audit.flush();
    const entries = (await w.h.service.audit.repo.list({ action: 'consult_rule.fired' }, { limit: 10 })).entries;
    expect(entries.map((e) => [e.actor, e.target, e.reason, e.outcome])).toEqual([['system', docId, 'ecg-stemi', 'success']]);
  }, 60_000);

  it('When an ECG is shared without a flag, or the flag is not a short code, then nothing fires (and a sentence is refused)', async () => {
    await shareReport(w.h, w.app, w.group, CHAN, w.code, undefined, '?type=ecg');
    expect(opened).toHaveLength(1);
    const bad = await w.as(CHAN, 'POST', `/api/app/cases/${w.code}/reports?type=ecg&flag=${encodeURIComponent('patient Chan Tai Man STEMI')}`);
    expect(bad.statusCode).toBe(400);
  }, 60_000);

  it('When results are imported from the EHR, then a high troponin fires once, a normal potassium does not, and importing again fires nothing new', async () => {
    const obs = (id: string, code: string, value: number, unit: string) => ({
      resourceType: 'Observation', id, status: 'final', subject: { reference: `Patient/${w.patientId}` },
      code: { coding: [{ system: 'http://loinc.org', code }] }, valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    });
    const trop = w.fhir.addResource(obs('trop1', '89579-7', 120, 'ng/L'));
    w.fhir.addResource(obs('k1', '2823-3', 4.2, 'mmol/L'));
    const first = await w.as(CHAN, 'POST', `/api/app/cases/${w.code}/results/import`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ read: 2, fired: [{ ruleId: 'troponin-high', itemType: 'observation' }] });
    expect(opened.at(-1)).toMatchObject({ severity: 'urgent', specialty: 'cardiology', trigger: { ruleId: 'troponin-high', itemType: 'observation', itemId: `Observation/${trop.id}` } });
    expect((await w.as(CHAN, 'POST', `/api/app/cases/${w.code}/results/import`)).json()).toEqual({ read: 2, fired: [] });
    const view = (await w.as(CHAN, 'GET', `/api/app/cases/${w.code}`)).json() as { consultTriggers: { ruleId: string; documentId: string | null }[] };
    expect(view.consultTriggers.map((t) => [t.ruleId, t.documentId === null])).toEqual([['ecg-stemi', false], ['troponin-high', true]]);
  }, 60_000);

  it('When someone off the case asks to import results, then it is refused and audited', async () => {
    const res = await w.as('qmh-ho-wingyee', 'POST', `/api/app/cases/${w.code}/results/import`);
    expect(res.statusCode).toBe(403);
    await w.h.service.audit.flush();
    expect((await w.h.service.audit.repo.list({ action: 'result.imported' }, { limit: 10 })).entries.map((e) => e.outcome)).toContain('denied');
  }, 60_000);
});
