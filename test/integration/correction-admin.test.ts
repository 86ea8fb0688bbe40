import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { createRegisterClient } from '../../src/register/register-client.js';
import { checkRegister } from '../../src/usecases/admin/register-check.js';
import { adminTokenFor } from '../helpers/admin-token.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, openCase } from '../helpers/sharing-flow.js';

const ADMIN = 'qmh-cb-admin';
const OFFICER = 'qmh-li-siufan';
const FIRST = 'A123456(3)';
const SECOND = `B100000(${hkidCheckChar('B', '100000')})`;

/**
 * Wrong-patient correction, console side: the privacy officer merges duplicate patient records
 * (admins cannot), after which either HKID finds the survivor; bulk clinician import with a dry run
 * and a per-row report; the register check, manual unless a lookup endpoint answers.
 */
describe('console: merge duplicate patients, bulk clinician import, register check', () => {
  let h: Harness;
  let app: FastifyInstance;
  let first: string;
  let second: string;
  const token: Record<string, string> = {};
  const idOf = async (userId: string) => (await h.service.directoryRepo.findByDingTalkId(userId))!.id;
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${token[who]}` } });
  const audit = async (action: string) => {
    await h.service.audit.flush();
    return h.service.db.sqlite.prepare('SELECT actor, target, outcome, reason FROM audit_entries WHERE action = ? ORDER BY rowid').all(action) as Array<{ actor: string; target: string | null; outcome: string; reason: string | null }>;
  };

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    first = await openCase(h, h.sim.org.addGroup({ title: 'First', memberIds: [CHAN] }).openConversationId, FIRST);
    second = await openCase(h, h.sim.org.addGroup({ title: 'Duplicate', memberIds: [CHAN] }).openConversationId, SECOND);
    for (const who of [ADMIN, OFFICER]) token[who] = await adminTokenFor(h.service, await idOf(who));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When an admin without the privacy-officer role asks to preview or merge, then 403 and nothing moves', async () => {
    for (const url of ['/api/admin/patients/merge/preview', '/api/admin/patients/merge']) {
      expect((await call(ADMIN, 'POST', url, { survivor: FIRST, duplicate: second })).statusCode).toBe(403);
    }
    const records = h.service.secure.cases.dataSubjects.records;
    expect((await records.findByHkid(SECOND))!.id).not.toBe((await records.findByHkid(FIRST))!.id);
  });

  it('When the privacy officer previews, then each record shows its masked HKID and case codes; the same record twice is refused', async () => {
    const res = await call(OFFICER, 'POST', '/api/admin/patients/merge/preview', { survivor: FIRST, duplicate: second });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      survivor: { hkidMasked: 'A123***(3)', cases: [{ code: first, status: 'open' }] },
      duplicate: { hkidMasked: expect.stringMatching(/^B100\*\*\*\(.\)$/), cases: [{ code: second, status: 'open' }] },
    });
    expect(res.body).not.toContain('A123456');
    // Decrypting the HKIDs to mask them is a patient reveal, audited per record (the admin's refused tries revealed nothing).
    const records = h.service.secure.cases.dataSubjects.records;
    const ids = [(await records.findByHkid(FIRST))!.id, (await records.findByHkid(SECOND))!.id];
    const reveals = (await audit('case.patient_revealed')).filter((e) => e.reason === 'patient_merge');
    expect(reveals).toEqual(ids.map((target) => ({ actor: expect.any(String), target, outcome: 'success', reason: 'patient_merge' })));
    expect(new Set(reveals.map((e) => e.actor))).toEqual(new Set([await idOf(OFFICER)]));
    expect((await call(OFFICER, 'POST', '/api/admin/patients/merge/preview', { survivor: FIRST, duplicate: first })).json()).toMatchObject({ code: 'patient.merge_same' });
    expect((await call(OFFICER, 'POST', '/api/admin/patients/merge/preview', { survivor: FIRST, duplicate: 'C-ZZZZZ' })).json()).toMatchObject({ code: 'patient.not_found' });
  });

  it('When the privacy officer merges, then the cases move to the survivor, both HKIDs find it, and the merge is audited', async () => {
    const records = h.service.secure.cases.dataSubjects.records;
    const survivorId = (await records.findByHkid(FIRST))!.id;
    const res = await call(OFFICER, 'POST', '/api/admin/patients/merge', { survivor: FIRST, duplicate: SECOND });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ casesMoved: 1, survivor: { cases: [{ code: first }, { code: second }] }, duplicate: { cases: [] } });
    expect((await records.findByHkid(FIRST))!.id).toBe(survivorId);
    expect((await records.findByHkid(SECOND))!.id).toBe(survivorId);
    expect((await h.service.secure.cases.queries.findCase(second)).patientId).toBe(survivorId);
    // A second look-up by the duplicate's HKID now names the same record: nothing left to merge.
    expect((await call(OFFICER, 'POST', '/api/admin/patients/merge', { survivor: FIRST, duplicate: SECOND })).json()).toMatchObject({ code: 'patient.merge_same' });
    expect(await audit('patient.merged')).toContainEqual(expect.objectContaining({ actor: await idOf(OFFICER), target: survivorId, outcome: 'success' }));
  });

  const CSV = [
    'dingtalk_user_id,display_name,name_en,name_zh,role,specialty,institution_code,registration_no',
    'new-doc-1,Dr New One,Dr NEW One,新一,doctor,Cardiology,QMH,M45671',
    'new-doc-2,Dr Nowhere,,,doctor,,NOPE,M56781',
    `${CHAN},Dr Chan again,,,doctor,,QMH,M12399`,
    'new-doc-3,Dr Bad Number,,,doctor,,QMH,X12',
    `new-doc-4,"Dr HKID ${FIRST}",,,doctor,,QMH,M11111`,
    'new-doc-1,Dr New One twice,,,doctor,,QMH,M45672',
    'new-nurse-1,"Nurse, Comma",,,nurse,Renal,hph,R123999',
    'new-doc-5,Dr Same Number,,,doctor,,QMH,M12345',
  ].join('\n');

  it('When an admin dry-runs a CSV, then every row is reported (ok, or error with its reasons) and nothing is added', async () => {
    const res = await call(ADMIN, 'POST', '/api/admin/clinicians/import', { csv: CSV, dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { dryRun: boolean; ok: number; errors: number; rows: Array<{ line: number; status: string; problems: Array<{ code: string; column?: string }> }> };
    expect(report).toMatchObject({ dryRun: true, ok: 2, errors: 6 });
    expect(report.rows.map((r) => [r.line, r.status, r.problems.map((p) => p.code)])).toEqual([
      [2, 'ok', []],
      [3, 'error', ['unknown_institution']],
      [4, 'error', ['duplicate_in_directory']],
      [5, 'error', ['bad_registration_no']],
      [6, 'error', ['hkid_in_field']],
      [7, 'error', ['duplicate_in_file']],
      [8, 'ok', []],
      [9, 'error', ['duplicate_in_directory']],
    ]);
    expect(report.rows.at(-1)?.problems).toEqual([{ code: 'duplicate_in_directory', column: 'registration_no' }]);
    expect(res.body).not.toContain('A123456');
    expect(await h.service.directoryRepo.findByDingTalkId('new-doc-1')).toBeUndefined();
    expect((await call(OFFICER, 'POST', '/api/admin/clinicians/import', { csv: CSV, dryRun: true })).statusCode).toBe(403);
  });

  it('When the admin imports, then the good rows are added unverified, the rest reported with reasons, and the import audited', async () => {
    const res = await call(ADMIN, 'POST', '/api/admin/clinicians/import', { csv: CSV, dryRun: false });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { ok: number; errors: number; rows: Array<{ status: string }> };
    expect(report.rows.map((r) => r.status)).toEqual(['imported', 'error', 'error', 'error', 'error', 'error', 'imported', 'error']);
    const added = await h.service.directoryRepo.findByDingTalkId('new-doc-1');
    expect(added).toMatchObject({ displayName: 'Dr New One', role: 'doctor', registrationNo: 'M45671', verified: false, institutionId: 'QMH' });
    expect(await h.service.directoryRepo.findByDingTalkId('new-nurse-1')).toMatchObject({ displayName: 'Nurse, Comma', institutionId: 'HPH' });
    expect(await h.service.directoryRepo.findByDingTalkId('new-doc-2')).toBeUndefined();
    expect(await audit('directory.imported')).toContainEqual({ actor: await idOf(ADMIN), target: null, outcome: 'success', reason: 'imported:2:errors:6' });
    expect((await audit('directory.user_added')).filter((e) => e.reason === 'import')).toHaveLength(2);
  });

  it('When no register lookup is configured, then the check is manual and verifying records a manual check', async () => {
    expect((await call(ADMIN, 'GET', '/api/admin/register-check?no=M45671')).json()).toEqual({ mode: 'manual' });
    const id = (await h.service.directoryRepo.findByDingTalkId('new-doc-1'))!.id;
    const res = await call(ADMIN, 'POST', `/api/admin/clinicians/${id}/verify`, { registrationNo: 'M45671', role: 'doctor', institutionCode: 'QMH', check: 'lookup' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await audit('directory.verified')).toContainEqual({ actor: await idOf(ADMIN), target: id, outcome: 'success', reason: 'doctor:manual_check' });
  });

  it('When the sandbox’s simulated register answers, then a listed number is found, an unknown or removed one is not registered', async () => {
    const register = createRegisterClient({ url: `${h.sim.apiBase}/sim/register` });
    const admin = (await h.service.directoryRepo.findByDingTalkId(ADMIN))!;
    const deps = { register, audit: h.service.audit };
    expect(await checkRegister(deps, admin, 'm12345')).toMatchObject({ mode: 'lookup', entry: { registrationNo: 'M12345', found: true, status: 'registered' } });
    expect(await checkRegister(deps, admin, 'M99998')).toMatchObject({ mode: 'lookup', entry: { found: false } });
    expect(await checkRegister(deps, admin, 'M90000')).toMatchObject({ mode: 'lookup', entry: { found: true, status: 'removed' } });
    expect(await audit('directory.register_lookup')).toContainEqual({ actor: admin.id, target: 'M99998', outcome: 'success', reason: 'not_found' });
  });
});
