import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/service-harness.js';
import { asUser, CHAN, LAM } from '../helpers/sharing-flow.js';
import { addHphCardiologists, fakeOnCall, KO, YEUNG } from './referral-fixture.js';
import { eventually, makeHkid } from './sharing-edge-fixture.js';
import { startYida, submissionRow } from './yida-fixture.js';

const ECG_FORM = 'FORM-ECGREPORT01';
const APPROVED_FORM = 'FORM-ECGAPPROVE02';
const HKID = makeHkid('E', '240613');

/** An ECG report form: filed as an ECG, its "finding" select read as flags, its troponin as a result. */
const mapping = (name: string, approval: 'none' | 'attending' = 'none') => ({
  name,
  recordType: 'ecg_report',
  documentType: 'ecg',
  approval,
  fields: {
    patientHkid: 'textField_hkid',
    freeText: [{ id: 'textareaField_notes', label: 'Notes' }],
    flags: ['selectField_finding'],
    results: [{ id: 'numberField_trop', loinc: '6598-7', unit: 'ng/L' }],
  },
});
const formData = (finding: string, troponin: number | string) => ({
  textField_hkid: HKID,
  selectField_finding: finding,
  numberField_trop: troponin,
  textareaField_notes: 'ST elevation II, III, aVF',
});

/**
 * Issue 14 items 3 × 5: a filed Yida form is imported into the case like a shared document, so the
 * consult rules evaluate it once — through the real callback, the simulator's Yida OpenAPI, the outbox
 * and the real referral module. Its flag field (`STEMI?` on a form filed as an ECG) and its result
 * field (troponin above the rule's threshold) each fire their rule once on the filed document, audited
 * with the rule id; a repeated callback fires nothing more; a form that waits for approval fires only
 * once it is approved and filed.
 */
describe('Yida forms fire the consult rules when filed', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const onCall = fakeOnCall(() => h, { 'HPH:cardiology': { first: [YEUNG], second: [KO] } });
  const sql = <T>(q: string, ...a: unknown[]) => h.service.db.sqlite.prepare(q).all(...a) as T[];
  const sub = (instanceId: string) => submissionRow(h, instanceId);
  const firings = (documentId: string) => h.service.repos.ruleFirings.forItem('document', documentId);
  const firedAudit = async (documentId: string) => {
    await h.service.audit.flush();
    return sql<{ reason: string; outcome: string }>('SELECT reason, outcome FROM audit_entries WHERE action = ? AND target = ? ORDER BY reason', 'consult_rule.fired', documentId);
  };

  beforeAll(async () => {
    ({ h, app, code } = await startYida({
      hkid: HKID, env: { REFERRAL_FALLBACK_INSTITUTIONS: 'HPH' }, onCall, before: addHphCardiologists,
      mappings: { [ECG_FORM]: mapping('ECG report'), [APPROVED_FORM]: mapping('ECG report (approved)', 'attending') },
    }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When a form filed as an ECG carries STEMI? and a high troponin, then the ECG and troponin rules each open a referral once, audited with the rule id; the case screen tags the form; a repeated callback fires nothing more', async () => {
    const { instance } = await h.sim.yida.submitAndEmit({ formUuid: ECG_FORM, formData: formData('STEMI?', 80) });
    const row = await eventually(() => (sub(instance.instanceId)?.state === 'filed' ? sub(instance.instanceId) : undefined));
    const docId = row!.document_id!;
    const fired = await eventually(async () => ((await firings(docId)).filter((f) => f.referralId).length === 2 ? firings(docId) : undefined));
    expect(fired.map((f) => f.ruleId).sort()).toEqual(['ecg-stemi', 'troponin-high']);
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    const referrals = (await h.service.referrals.repo.forCase(caseId)).filter((r) => r.triggerItemId === docId);
    expect(referrals.map((r) => [r.triggerRuleId, r.severity, r.specialty, r.triggerItemType]).sort()).toEqual([
      ['ecg-stemi', 'emergency', 'cardiology', 'document'],
      ['troponin-high', 'urgent', 'cardiology', 'document'],
    ]);
    expect(await firedAudit(docId)).toEqual([{ reason: 'ecg-stemi', outcome: 'success' }, { reason: 'troponin-high', outcome: 'success' }]);
    const view = (await asUser(h, app, CHAN, { method: 'GET', url: `/api/app/cases/${code}` })).json() as { documents: Array<{ documentId: string; docType: string }>; consultTriggers: Array<{ documentId: string | null }> };
    expect(view.documents).toContainEqual(expect.objectContaining({ documentId: docId, docType: 'ecg' }));
    expect(view.consultTriggers.filter((t) => t.documentId === docId)).toHaveLength(2);
    // No flag or value reaches chat.
    expect(JSON.stringify(h.sim.sent)).not.toContain('STEMI?');

    expect((await h.sim.yida.emit(instance)).answer).toMatchObject({ duplicate: true });
    expect(await firings(docId)).toHaveLength(2);
    expect(await firedAudit(docId)).toHaveLength(2);
  }, 90_000);

  it('When the flag is not a rule’s and the troponin is normal (or not a number), then the form is filed and no rule fires', async () => {
    for (const [finding, trop] of [['sinus rhythm', 12], ['NSR', 'pending']] as const) {
      const { instance } = await h.sim.yida.submitAndEmit({ formUuid: ECG_FORM, formData: formData(finding, trop) });
      const row = await eventually(() => (sub(instance.instanceId)?.state === 'filed' ? sub(instance.instanceId) : undefined));
      expect(await firings(row!.document_id!)).toEqual([]);
    }
  }, 60_000);

  it('When the mapping asks the attending to approve, then nothing fires while the form waits; after the attending’s approval it is filed and the rules fire once', async () => {
    const { instance } = await h.sim.yida.submitAndEmit({ formUuid: APPROVED_FORM, formData: formData('STEMI?', 20) });
    await eventually(() => sub(instance.instanceId)?.state === 'awaiting_approval');
    const id = sub(instance.instanceId)!.id;
    expect(await firings(id)).toEqual([]);
    expect((await asUser(h, app, LAM, { method: 'POST', url: `/api/app/yida/submissions/${id}/approve` })).json().code).toBe('access.denied');
    const ok = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/yida/submissions/${id}/approve` });
    expect(ok.json()).toEqual({ state: 'filed', errorCode: null, filed: true });
    const fired = await eventually(async () => ((await firings(id)).some((f) => f.referralId) ? firings(id) : undefined));
    expect(fired.map((f) => f.ruleId)).toEqual(['ecg-stemi']);
    expect(await firedAudit(id)).toEqual([{ reason: 'ecg-stemi', outcome: 'success' }]);
  }, 60_000);
});
