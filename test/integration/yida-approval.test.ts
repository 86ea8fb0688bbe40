import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/service-harness.js';
import { asUser, CHAN, LAM } from '../helpers/sharing-flow.js';
import { eventually, makeHkid } from './sharing-edge-fixture.js';
import { startYida, submissionRow } from './yida-fixture.js';

const FORM = 'FORM-DISCHARGECHECK1';
const HKID = makeHkid('D', '314159');
const mapping = {
  name: 'Discharge checklist 出院清單',
  recordType: 'discharge_checklist',
  approval: 'attending',
  fields: { patientHkid: 'textField_hkid', problems: ['textareaField_problems'], freeText: [{ id: 'textareaField_notes', label: 'Notes' }], flags: ['selectField_flag'] },
};
const formData = (note: string) => ({ textField_hkid: HKID, textareaField_problems: 'atrial fibrillation', textareaField_notes: note, selectField_flag: 'CRIT' });

/**
 * The attending's Yida approval screens' API (issue 14 item 5): the submissions waiting for my
 * approval, one of them as its record would read (no HKID), approve or return with a coded reason.
 * Only the approver sees or decides; others are refused and audited.
 */
describe('Yida approvals in the mini-app API', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => asUser(h, app, who, { method, url: `/api/app/yida/submissions${url}`, payload });
  const waiting = async (note: string) => {
    const { instance } = await h.sim.yida.submitAndEmit({ formUuid: FORM, formData: formData(note) });
    await eventually(() => submissionRow(h, instance.instanceId)?.state === 'awaiting_approval');
    return submissionRow(h, instance.instanceId)!.id;
  };
  const audit = async (action: string, target: string) => {
    await h.service.audit.flush();
    return h.service.db.sqlite.prepare('SELECT actor, outcome, reason FROM audit_entries WHERE action = ? AND target = ? ORDER BY rowid').all(action, target);
  };

  beforeAll(async () => {
    ({ h, app, code } = await startYida({ hkid: HKID, mappings: { [FORM]: mapping } }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When two forms wait for the attending, then only he lists and opens them (content, never the HKID); a consulting doctor sees none and is refused (audited)', async () => {
    const first = await waiting('first note');
    const second = await waiting('second note');
    const mine = (await as(CHAN, 'GET', '/pending')).json() as { items: Array<{ id: string; caseCode: string; formName: string }> };
    // Newest first, like every inbox list.
    expect(mine.items.filter((i) => [first, second].includes(i.id))).toEqual([
      expect.objectContaining({ id: second, caseCode: code }),
      expect.objectContaining({ id: first, caseCode: code, formName: 'Discharge checklist 出院清單' }),
    ]);
    expect((await as(LAM, 'GET', '/pending')).json()).toEqual({ items: [], nextCursor: null });

    const view = await as(CHAN, 'GET', `/${first}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ id: first, caseCode: code, recordType: 'discharge_checklist', documentType: 'form', problems: ['atrial fibrillation'], freeText: [{ label: 'Notes', text: 'first note' }], flags: ['CRIT'] });
    expect(view.body).not.toContain(HKID.slice(1, 7));
    const denied = await as(LAM, 'GET', `/${first}`);
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'access.denied']);
    expect(await audit('yida.viewed', first)).toEqual([
      { actor: expect.any(String), outcome: 'success', reason: null },
      { actor: expect.any(String), outcome: 'denied', reason: 'not_the_approver' },
    ]);
  });

  it('When the attending returns one with a coded reason, then it leaves his list and waits in the console as yida.returned (audited with the reason); approving the other files it; a second decision is yida.state_changed', async () => {
    const [second, first] = ((await as(CHAN, 'GET', '/pending')).json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
    expect((await as(CHAN, 'POST', `/${first}/return`, { reason: 'free text about the patient' })).statusCode).toBe(400);
    expect((await as(LAM, 'POST', `/${first}/return`, { reason: 'incomplete' })).json().code).toBe('access.denied');
    expect((await as(CHAN, 'POST', `/${first}/return`, { reason: 'incomplete' })).json()).toEqual({ returned: true });
    expect(h.service.db.sqlite.prepare('SELECT state, error_code, document_id FROM yida_submissions WHERE id = ?').get(first)).toEqual({ state: 'waiting', error_code: 'yida.returned', document_id: null });
    expect((await audit('yida.returned', first!)).map((a) => [(a as { outcome: string }).outcome, (a as { reason: string }).reason])).toEqual([['denied', 'not_the_approver'], ['success', 'incomplete']]);
    expect((await as(CHAN, 'POST', `/${first}/approve`)).json().code).toBe('yida.state_changed');

    expect((await as(CHAN, 'POST', `/${second}/approve`)).json()).toEqual({ state: 'filed', errorCode: null, filed: true });
    expect((await as(CHAN, 'GET', '/pending')).json()).toEqual({ items: [], nextCursor: null });
    const returnAgain = await as(CHAN, 'POST', `/${second}/return`, { reason: 'duplicate' });
    expect([returnAgain.statusCode, returnAgain.json().code]).toEqual([409, 'yida.state_changed']);
    expect((await as(CHAN, 'GET', '/no-such-id')).json().code).toBe('not_found');
  });

  it('When three forms wait, then the attending reads them in keyset pages, newest first, until nextCursor is null; a cursor that does not read is a coded 400', async () => {
    const ids = [await waiting('one'), await waiting('two'), await waiting('three')];
    const first = (await as(CHAN, 'GET', '/pending?limit=2')).json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = (await as(CHAN, 'GET', `/pending?limit=2&cursor=${first.nextCursor}`)).json() as typeof first;
    expect(next).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await as(LAM, 'GET', `/pending?limit=2&cursor=${first.nextCursor}`)).json()).toEqual({ items: [], nextCursor: null });
    const bad = await as(CHAN, 'GET', '/pending?cursor=not-a-cursor');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
  });
});
