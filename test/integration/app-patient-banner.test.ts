import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, openCase, shareReport, WONG } from '../helpers/sharing-flow.js';

const ADMIN = 'qmh-cb-admin';
/** What the patient banner reveals; none of it may reach an audit entry, a log line or a refusal. */
const PHI = /TEST Patient|測試病人|A123456|B100000|1950-01-02/;

/**
 * The patient banner (GET /api/app/cases/:code/patient): the same `view` decision as opening one of
 * the case's documents, decrypted per request, audited as a reveal, never cached.
 */
describe('patient banner on the case screen', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let docId: string;
  const get = (who: string, c = code) => asUser(h, app, who, { method: 'GET', url: `/api/app/cases/${c}/patient` });
  const reveals = async () => {
    await h.service.audit.flush();
    return h.service.db.sqlite
      .prepare("SELECT actor, target, outcome, reason FROM audit_entries WHERE action = 'case.patient_revealed' ORDER BY rowid")
      .all() as Array<{ actor: string; target: string; outcome: string; reason: string | null }>;
  };
  const idOf = async (userId: string) => (await h.service.directoryRepo.findByDingTalkId(userId))!.id;

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    const group = h.sim.org.addGroup({ title: 'Banner consult', memberIds: [CHAN, LAM, WONG, ADMIN] }).openConversationId;
    code = await openCase(h, group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
    docId = await shareReport(h, app, group, CHAN, code);
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending opens the case screen, then the banner shows the patient with the HKID masked, is not cached, and the reveal is audited without PHI', async () => {
    const res = await get(CHAN);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ caseCode: code, nameEn: 'TEST Patient', dateOfBirth: '1950-01-02', hkidMasked: 'A123***(3)', sex: null, recordNumber: null });
    expect(body.ageYears).toBeGreaterThanOrEqual(75);
    expect(JSON.stringify(body)).not.toContain('A123456');
    expect(await reveals()).toContainEqual({ actor: await idOf(CHAN), target: code, outcome: 'success', reason: 'patient_banner' });
  });

  it('When someone merely in the group (not on the team, no grant) asks, then 403 access.denied with no PHI, audited as denied; an unknown code is refused alike', async () => {
    const res = await get(WONG);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.denied' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(PHI);
    expect(await reveals()).toContainEqual({ actor: await idOf(WONG), target: code, outcome: 'denied', reason: 'patient_banner' });
    expect((await get(CHAN, 'C-ZZZZZ')).json()).toMatchObject({ code: 'access.denied' });
  });

  it('When an admin is on the care team, then the policy still refuses them the banner', async () => {
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, code, ADMIN, 'consulting');
    expect((await asUser(h, app, ADMIN, { method: 'GET', url: `/api/app/cases/${code}` })).statusCode).toBe(200); // on the team, so the case screen opens
    const res = await get(ADMIN);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.denied' });
    expect(res.body).not.toMatch(PHI);
  });

  it('When a colleague is on the team only as referring, then the case screen opens for them but the banner is refused (the view policy decides, not membership)', async () => {
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, code, LAM, 'referring');
    expect((await asUser(h, app, LAM, { method: 'GET', url: `/api/app/cases/${code}` })).statusCode).toBe(200);
    const res = await get(LAM);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toMatch(PHI);
    await h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting');
    expect((await get(LAM)).statusCode).toBe(200);
  });

  it('The Chinese name is shown beside the English one when the form had both', async () => {
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    const group = h.sim.org.addGroup({ title: 'Banner zh', memberIds: [CHAN] }).openConversationId;
    const { intentId } = await h.service.secure.cases.open.startCaseOpen(chan, group);
    const out = await h.service.secure.cases.open.submitCaseForm({ intentId }, chan.clinician.id, { hkid: 'B100000(A)', nameEn: 'TEST Patient', nameZh: '測試病人', dateOfBirth: '1950-01-02', consents: [] });
    if (!out.created) throw new Error('case existed');
    await shareReport(h, app, group, CHAN, out.caseCode);
    expect((await get(CHAN, out.caseCode)).json()).toMatchObject({ nameEn: 'TEST Patient', nameZh: '測試病人', hkidMasked: 'B100***(A)' });
  }, 30_000);

  it('When the attending approves the outsider’s access request, then the requester gets the banner too', async () => {
    const asked = await asUser(h, app, WONG, { method: 'POST', url: `/api/app/documents/${docId}/request`, payload: { reasonCode: 'continuing_care' } });
    expect(asked.statusCode).toBe(200);
    expect((await get(WONG)).statusCode).toBe(403); // pending is not allowed
    const decided = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/requests/${asked.json().requestId}/decide`, payload: { decision: 'approve' } });
    expect(decided.json().status).toBe('approved');
    const res = await get(WONG);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseCode: code, hkidMasked: 'A123***(3)' });
    expect(await reveals()).toContainEqual({ actor: await idOf(WONG), target: code, outcome: 'success', reason: 'patient_banner' });
  }, 30_000);

  it('No PHI reached the audit log or the service log along the way', async () => {
    await h.service.audit.flush();
    expect(JSON.stringify(h.service.db.sqlite.prepare('SELECT * FROM audit_entries').all())).not.toMatch(PHI);
    expect(h.logs()).toContain('/api/app/cases/:code/patient');
    expect(h.logs()).not.toMatch(PHI);
  });
});
