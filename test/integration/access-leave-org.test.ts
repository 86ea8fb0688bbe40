import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTokenFor } from '../helpers/admin-token.js';
import { appAuth } from '../helpers/app-session.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { auditMark, auditSince, caseWithReport, clinicianId, eventually, makeHkid, pressDecision, requestByText } from './sharing-edge-fixture.js';

/**
 * A clinician who leaves the organisation — DingTalk's `user_leave_org` event, or an admin's
 * "remove from organisation" — loses verification, care-team roles, grants and logins at once, audited.
 */
describe('leaving the organisation ends everything at once', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let docId: string;
  const caseId = async () => (await h.service.secure.casesRepo.caseByCode(code))!.id;
  const roleOf = async (userId: string) => h.service.secure.cases.queries.teamRoleNow(await caseId(), clinicianId(h, userId));

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ code, docId } = await caseWithReport(h, app, { hkid: makeHkid('H', '314159') }));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When DingTalk pushes user_leave_org for a consulting doctor, then they are unverified, off the team, without grants or logins, and it is audited', async () => {
    const lam = clinicianId(h, LAM);
    const auth = await appAuth(h, app, LAM);
    expect((await app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(200);
    expect(await roleOf(LAM)).toBe('consulting');
    const mark = await auditMark(h);
    h.sim.org.leaveOrg(LAM, { event: true });
    await eventually(async () => (await h.service.directoryRepo.findById(lam))?.verified === false);
    expect(await roleOf(LAM)).toBe('');
    expect((await app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(401);
    const left = await auditSince(h, mark, { action: 'directory.left_org' });
    expect(left).toMatchObject([{ actor: 'dingtalk', target: lam, outcome: 'success', reason: 'dingtalk_left' }]);
    const removed = await auditSince(h, mark, { action: 'case.team_removed' });
    expect(removed).toMatchObject([{ target: code, reason: 'left_org' }]);
  });

  it('When an admin removes a granted doctor from the organisation in the console, then the grant, verification and login end', async () => {
    const { card } = await requestByText(h, code, WONG);
    await pressDecision(h, card, CHAN, 'approve');
    const wong = clinicianId(h, WONG);
    expect((await h.service.secure.grants.activeGrantFor(wong, docId, await caseId())).hasGrant).toBe(true);
    const auth = await appAuth(h, app, WONG);
    const token = await adminTokenFor(h.service, clinicianId(h, 'qmh-cb-admin'));
    const mark = await auditMark(h);
    const res = await app.inject({ method: 'POST', url: `/api/admin/clinicians/${wong}/remove-from-org`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ clinician: { verified: false }, grantsRevoked: 1, loginsEnded: expect.any(Number) });
    expect((await h.service.secure.grants.activeGrantFor(wong, docId, await caseId())).hasGrant).toBe(false);
    expect((await app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(401);
    expect(await auditSince(h, mark, { action: 'grant.revoked' })).toMatchObject([{ target: docId, reason: 'left_org' }]);
    expect(await auditSince(h, mark, { action: 'directory.left_org' })).toMatchObject([{ target: wong, reason: 'admin_removed' }]);
  });
});
