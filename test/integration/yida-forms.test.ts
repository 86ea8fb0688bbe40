import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { adminTokenFor } from '../helpers/admin-token.js';
import { appFor, asUser, CHAN, LAM, viewAs } from '../helpers/sharing-flow.js';
import { appViewToken } from '../helpers/app-session.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { caseWithReport, clinicianId, eventually, makeHkid } from './sharing-edge-fixture.js';
import type { SimYidaInstance } from '../../src/sandbox/sim-yida.js';
import { YIDA_CALLBACK_PATH } from '../../src/http/yida-callback-routes.js';

const SECRET = 'yida-test-secret-0123456789abcdef';
const FORM = 'FORM-CARDIOREFERRAL01';
const LATE_FORM = 'FORM-NURSINGNOTE02';
const HKID = makeHkid('Y', '482915');

const mapping = (name: string) => ({
  name,
  recordType: 'cardiology_referral',
  fields: {
    patientHkid: 'textField_hkid',
    medications: ['textareaField_meds'],
    problems: ['textareaField_problems'],
    freeText: [{ id: 'textareaField_notes', label: 'Notes 備註' }],
  },
});
const formData = (hkid = HKID) => ({
  textField_hkid: hkid,
  textareaField_meds: 'warfarin 3mg daily',
  textareaField_problems: 'atrial fibrillation',
  textareaField_notes: '病人心悸兩星期 palpitations for two weeks',
  employeeField_x: ['someone'],
});

/**
 * The Yida form archive through the real service, SDK and simulator (issue 14 item 5): the simulator
 * POSTs the integration callback to the service over HTTP, the outbox fetches the form data through the
 * simulator's `GET /v1.0/yida/forms/instances/{id}`, and the submission is filed to the patient's case as
 * an encrypted `form` document feeding the key points; an unmapped one waits in the console and is filed
 * after re-mapping; bad callers get coded 4xx and nothing is lost.
 */
describe('Yida form archive: callback → fetch → file', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let admin: string;
  const sql = <T>(q: string, ...a: unknown[]) => h.service.db.sqlite.prepare(q).all(...a) as T[];
  const sub = (instanceId: string) => sql<{ id: string; state: string; error_code: string | null; document_id: string | null; form_data: string | null }>('SELECT * FROM yida_submissions WHERE instance_id = ?', instanceId)[0];
  const adminApi = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${admin}` } });
  const submit = (formUuid: string, data: SimYidaInstance['formData']) => h.sim.yida.submitAndEmit({ formUuid, formData: data });

  beforeAll(async () => {
    h = await startHarness({ env: { YIDA_CALLBACK_SECRET: SECRET, YIDA_SYSTEM_TOKEN: 'yida-system-token', YIDA_USER_ID: 'qmh-cb-admin' } });
    app = await appFor(h);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    h.sim.yida.target = { url: `http://127.0.0.1:${port}${YIDA_CALLBACK_PATH}`, secret: SECRET };
    ({ code } = await caseWithReport(h, app, { hkid: HKID }));
    admin = await adminTokenFor(h.service, clinicianId(h, 'qmh-cb-admin'));
    expect((await adminApi('PUT', `/api/admin/forms/mappings/${FORM}`, mapping('Cardiology referral 心臟科轉介'))).statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When a mapped form is submitted, then it is fetched through the Yida OpenAPI and filed to the patient’s case as an encrypted form document, feeding the key points', async () => {
    const calls = h.sim.stats.calls('/v1.0/yida/forms/instances/');
    const { instance, callback } = await submit(FORM, formData());
    expect(callback.status).toBe(202);
    expect(callback.answer).toMatchObject({ accepted: true, duplicate: false });
    const row = await eventually(() => (sub(instance.instanceId)?.state === 'filed' ? sub(instance.instanceId) : undefined));
    expect(h.sim.stats.calls('/v1.0/yida/forms/instances/')).toBe(calls + 1);
    // On the case screen: a `form` document, and the stored data is sealed (no HKID or note in clear).
    const view = (await asUser(h, app, CHAN, { method: 'GET', url: `/api/app/cases/${code}` })).json();
    expect(view.documents).toContainEqual(expect.objectContaining({ documentId: row!.document_id, docType: 'form', title: 'Cardiology referral 心臟科轉介', author: expect.objectContaining({ nameEn: 'Yida form', nameZh: '宜搭表單' }) }));
    expect(row!.form_data).toMatch(/^ft1\./);
    expect(JSON.stringify(sql('SELECT * FROM yida_submissions'))).not.toContain(HKID.slice(0, 7));
    expect(JSON.stringify(sql('SELECT * FROM documents'))).not.toContain('Cardiology referral');
    // It opens like any document: the policy decides, the viewer gets a watermarked PDF with the record (Chinese included).
    const token = await appViewToken(h, app, `/app/doc/${row!.document_id}`, CHAN);
    const pdf = await viewAs(h, app, token, CHAN);
    expect(pdf.statusCode).toBe(200);
    const text = (await extractPdfText(pdf.rawPayload)).pages.map((p) => p.text).join('\n');
    expect(text).toContain('Cardiology referral');
    expect(text).toContain('warfarin 3mg daily');
    expect(text).toContain('病人心悸兩星期');
    expect(text).not.toContain(HKID.slice(0, 7));
    // Key points: the problem and the medication from the form.
    const summary = (await asUser(h, app, CHAN, { method: 'GET', url: `/api/app/cases/${code}/summary` })).json();
    expect(summary.problems.map((p: { entry: string }) => p.entry)).toContain('dx.atrial-fibrillation');
    expect(summary.medications.map((m: { text: string }) => m.text)).toContain('warfarin 3mg daily');
    expect(summary.documents).toContainEqual(expect.objectContaining({ id: row!.document_id, docType: 'form' }));
    await h.service.audit.flush();
    expect(sql('SELECT outcome, reason FROM audit_entries WHERE action = ? AND target = ?', 'yida.filed', row!.document_id)).toEqual([{ outcome: 'success', reason: row!.id }]);
  });

  it('When DingTalk sends the same callback again, then it is one submission and one document', async () => {
    const { instance } = await submit(FORM, formData());
    await eventually(() => sub(instance.instanceId)?.state === 'filed');
    const again = await h.sim.yida.emit(instance);
    expect(again).toMatchObject({ status: 202, answer: { duplicate: true, submissionId: sub(instance.instanceId)!.id } });
    expect(sql('SELECT count(*) AS n FROM yida_submissions WHERE instance_id = ?', instance.instanceId)).toEqual([{ n: 1 }]);
  });

  it('When an unmapped form is submitted, then it waits in the console with yida.unmapped, and after an admin maps it a retry files it to the case', async () => {
    const { instance } = await submit(LATE_FORM, formData());
    await eventually(() => sub(instance.instanceId)?.state === 'waiting');
    const waiting = (await adminApi('GET', '/api/admin/forms/submissions?state=waiting')).json();
    const item = waiting.items.find((s: { id: string }) => s.id === sub(instance.instanceId)!.id);
    expect(item).toMatchObject({ formUuid: LATE_FORM, errorCode: 'yida.unmapped', state: 'waiting', caseCode: null });
    expect(JSON.stringify(waiting)).not.toContain('palpitations');
    expect((await adminApi('PUT', `/api/admin/forms/mappings/${LATE_FORM}`, mapping('Nursing note 護理紀錄'))).statusCode).toBe(200);
    const retried = await adminApi('POST', `/api/admin/forms/submissions/${item.id}/retry`);
    expect(retried.json()).toEqual({ state: 'filed', errorCode: null, filed: true });
    const filed = (await adminApi('GET', '/api/admin/forms/submissions?state=filed')).json();
    expect(filed.items.find((s: { id: string }) => s.id === item.id)).toMatchObject({ caseCode: code, formName: 'Nursing note 護理紀錄' });
    // Newest first, a keyset page at a time; counts per state; a cursor that does not read is a coded 400.
    expect(filed.counts).toMatchObject({ filed: filed.items.length, waiting: expect.any(Number) });
    const firstOnly = (await adminApi('GET', '/api/admin/forms/submissions?state=filed&limit=1')).json();
    const rest = firstOnly.nextCursor ? (await adminApi('GET', `/api/admin/forms/submissions?state=filed&limit=50&cursor=${firstOnly.nextCursor}`)).json().items : [];
    expect([...firstOnly.items, ...rest].map((s: { id: string }) => s.id)).toEqual(filed.items.map((s: { id: string }) => s.id));
    const badCursor = await adminApi('GET', '/api/admin/forms/submissions?state=filed&cursor=no.such*cursor');
    expect([badCursor.statusCode, badCursor.json().code]).toEqual([400, 'request.invalid']);
  });

  it('When the form data is malformed or names an unknown patient, then each waits with its code (kept), and a discard is audited and erases the sealed data', async () => {
    const bad = await submit(FORM, 'malformed');
    const stranger = await submit(FORM, formData(makeHkid('Z', '111111')));
    const noId = await submit(FORM, { ...formData(), textField_hkid: 'not an hkid' });
    await eventually(() => sub(bad.instance.instanceId)?.error_code === 'yida.malformed');
    await eventually(() => sub(stranger.instance.instanceId)?.error_code === 'yida.no_patient');
    await eventually(() => sub(noId.instance.instanceId)?.error_code === 'yida.no_patient_id');
    const id = sub(stranger.instance.instanceId)!.id;
    expect((await adminApi('POST', `/api/admin/forms/submissions/${id}/discard`)).json()).toEqual({ discarded: true });
    expect(sub(stranger.instance.instanceId)).toMatchObject({ state: 'discarded', form_data: null });
    expect((await adminApi('POST', `/api/admin/forms/submissions/${id}/discard`)).json().code).toBe('yida.state_changed');
    await h.service.audit.flush();
    expect(sql('SELECT outcome FROM audit_entries WHERE action = ? AND target = ?', 'yida.discarded', id)).toEqual([{ outcome: 'success' }]);
  });

  it('When the callback has a wrong or missing secret or a malformed body, then a coded 4xx, nothing stored; a good one right after is filed', async () => {
    const before = sql<{ n: number }>('SELECT count(*) AS n FROM yida_submissions')[0]!.n;
    const inst = h.sim.yida.submit({ formUuid: FORM, formData: formData() });
    const wrong = await h.sim.yida.emit(inst, { secret: 'x'.repeat(32) });
    const missing = await h.sim.yida.emit(inst, { secret: null });
    const broken = await h.sim.yida.emit(inst, { body: '{"formUuid": ' });
    const shape = await h.sim.yida.emit(inst, { body: { formUuid: 'not-a-form', appType: inst.appType, formInstanceId: inst.instanceId } });
    expect([wrong, missing, broken, shape].map((c) => [c.status, (c.answer as { code: string }).code])).toEqual([
      [401, 'yida.bad_secret'], [401, 'yida.bad_secret'], [400, 'yida.bad_body'], [400, 'yida.bad_body'],
    ]);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM yida_submissions')[0]!.n).toBe(before);
    expect((await h.sim.yida.emit(inst)).status).toBe(202);
    await eventually(() => sub(inst.instanceId)?.state === 'filed');
  });

  it('When a mapping asks the attending to approve, then the submission waits for approval; a consulting doctor is refused (audited), the attending’s approval files it under their name', async () => {
    const form = 'FORM-APPROVEFIRST03';
    expect((await adminApi('PUT', `/api/admin/forms/mappings/${form}`, { ...mapping('Discharge checklist'), approval: 'attending' })).statusCode).toBe(200);
    const { instance } = await submit(form, formData());
    await eventually(() => sub(instance.instanceId)?.state === 'awaiting_approval');
    const id = sub(instance.instanceId)!.id;
    const approve = (who: string) => asUser(h, app, who, { method: 'POST', url: `/api/app/yida/submissions/${id}/approve` });
    expect((await approve(LAM)).json().code).toBe('access.denied');
    expect(sub(instance.instanceId)!.state).toBe('awaiting_approval');
    expect((await approve(CHAN)).json()).toEqual({ state: 'filed', errorCode: null, filed: true });
    expect((await approve(CHAN)).json().code).toBe('yida.state_changed');
    const doc = sql<{ author_id: string; doc_type: string }>('SELECT author_id, doc_type FROM documents WHERE id = ?', sub(instance.instanceId)!.document_id)[0];
    expect(doc).toEqual({ author_id: clinicianId(h, CHAN), doc_type: 'form' });
    await h.service.audit.flush();
    expect(sql('SELECT outcome FROM audit_entries WHERE action = ? AND target = ? ORDER BY rowid', 'yida.approved', id)).toEqual([{ outcome: 'denied' }, { outcome: 'success' }]);
  });

  it('When DingTalk fails the form-data read, then the submission is kept and the outbox retries until it is filed', async () => {
    const calls = h.sim.stats.calls('/v1.0/yida/forms/instances/');
    h.sim.faults.inject({ path: '/v1.0/yida/forms/instances/', status: 503, times: 2 });
    const { instance } = await submit(FORM, formData());
    await eventually(() => sub(instance.instanceId)?.state === 'filed', 10_000);
    expect(sub(instance.instanceId)!.error_code).toBeNull();
    // Two refused reads (the client's own retries and the outbox's), then the one that answered.
    expect(h.sim.stats.calls('/v1.0/yida/forms/instances/') - calls).toBeGreaterThanOrEqual(3);
  });
});
