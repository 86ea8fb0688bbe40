import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { createDirectoryAdmin } from '../../src/domain/directory/directory-admin.js';
import { adminRoutes } from '../../src/http/admin-routes.js';
import { mintAdminToken } from '../../src/http/admin/admin-token.js';
import { createRefreshSessions, type RefreshSessions } from '../../src/domain/sessions/refresh-sessions.js';
import { createSessionRepository } from '../../src/domain/sessions/session-repository.js';
import { silentLogger } from '../../src/shared/logger.js';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

const SECRET = 'test-secret-0123456789-0123456789-abcdef';

describe('admin HTTP routes', () => {
  let w: CaseWorld;
  let app: FastifyInstance;
  let adminToken: string;
  let adminId: string;
  let sessions: RefreshSessions;

  beforeEach(async () => {
    w = caseWorld();
    sessions = createRefreshSessions({ transaction: w.handle.store.transaction, repo: createSessionRepository(w.handle.db, w.handle.store), clock: w.clock, audit: w.audit });
    const dirAdmin = createDirectoryAdmin({ repo: w.directory, audit: w.audit, clock: w.clock, endLogins: (id, reason) => sessions.revokeAllFor(id, reason), offboard: () => { throw new Error('unused'); } });
    app = await buildApp({ logger: silentLogger, probe: { dbOpen: () => true, streamRegistered: () => true } });
    await app.register(adminRoutes, { prefix: '/api/admin', directoryAdmin: dirAdmin, caseQueries: w.module.queries, jwtSecret: SECRET, isSessionActive: (sid) => sessions.isActive(sid) });
    await app.ready();
    adminId = w.clinician('boss', { role: 'admin' }).id;
    adminToken = await mintAdminToken(SECRET, adminId, (await sessions.start(adminId)).familyId);
  });
  afterEach(async () => {
    await app.close();
    w.cleanup();
  });

  const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('When no or a bad token is sent, then 401 auth.required / auth.invalid', async () => {
    expect((await call('GET', '/api/admin/clinicians')).json()).toMatchObject({ code: 'auth.required' });
    const bad = await call('GET', '/api/admin/clinicians', 'not.a.jwt');
    expect([bad.statusCode, bad.json().code]).toEqual([401, 'auth.invalid']);
    const forged = await mintAdminToken('another-secret-0123456789-0123456789', adminId, (await sessions.start(adminId)).familyId);
    expect((await call('GET', '/api/admin/clinicians', forged)).json().code).toBe('auth.invalid');
    const otherAudience = await mintAdminToken(SECRET, adminId, (await sessions.start(adminId)).familyId, { aud: 'consultbridge.miniapp' });
    expect((await call('GET', '/api/admin/clinicians', otherAudience)).statusCode).toBe(401);
    const expired = await mintAdminToken(SECRET, adminId, (await sessions.start(adminId)).familyId, { clockTimestamp: Date.now() - 3_600_000 });
    expect((await call('GET', '/api/admin/clinicians', expired)).json().code).toBe('auth.invalid');
  });

  it('When the token belongs to a non-admin, an unverified or a suspended admin, then 403 access.denied', async () => {
    const doctor = w.clinician('chan');
    const res = await call('GET', '/api/admin/clinicians', await mintAdminToken(SECRET, doctor.id, (await sessions.start(doctor.id)).familyId));
    expect([res.statusCode, res.json()]).toEqual([403, { code: 'access.denied', message: "You can't do that.", hint: expect.any(String) }]);
    const unverified = w.clinician('newadmin', { role: 'admin', verified: false });
    expect((await call('GET', '/api/admin/institutions', await mintAdminToken(SECRET, unverified.id, (await sessions.start(unverified.id)).familyId))).statusCode).toBe(403);
    await w.directory.update(adminId, { suspended: true }, w.clock.now());
    expect((await call('GET', '/api/admin/institutions', adminToken)).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/institutions', await mintAdminToken(SECRET, 'no-such-id', (await sessions.start('no-such-id')).familyId))).statusCode).toBe(403);
  });

  it('When an admin enrols and verifies a clinician, then the directory shows it and only DTO fields leave', async () => {
    const created = await call('POST', '/api/admin/clinicians', adminToken, { dingtalkUserId: 'ho', displayName: '何醫生' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).not.toHaveProperty('createdAt');

    const unverified = await call('GET', '/api/admin/clinicians?unverified=true', adminToken);
    expect(unverified.json().clinicians.map((c: { dingtalkUserId: string }) => c.dingtalkUserId)).toEqual(['ho']);

    const verified = await call('POST', `/api/admin/clinicians/${id}/verify`, adminToken, {
      registrationNo: 'm12345',
      role: 'doctor',
      specialty: 'Emergency Medicine',
      institutionCode: 'qmh',
      nameEn: 'Dr HO Ka-lok',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ verified: true, verifiedBy: adminId, registrationNo: 'M12345', institutionCode: 'QMH', role: 'doctor' });
    expect(w.audit.entries.at(-1)).toMatchObject({ action: 'directory.verified', actor: adminId, target: id, outcome: 'success' });

    const suspended = await call('POST', `/api/admin/clinicians/${id}/suspend`, adminToken, {});
    expect(suspended.json().suspended).toBe(true);
    const back = await call('POST', `/api/admin/clinicians/${id}/suspend`, adminToken, { undo: true });
    expect(back.json().suspended).toBe(false);
  });

  it('When input is wrong, then coded 4xx errors', async () => {
    const bad = await call('POST', '/api/admin/clinicians/whatever/verify', adminToken, { registrationNo: '12', role: 'wizard', institutionCode: 'QMH' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    const unknown = await call('POST', '/api/admin/clinicians/nobody/verify', adminToken, { registrationNo: 'M1', role: 'doctor', institutionCode: 'QMH' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'request.invalid']);
    const missing = await call('POST', '/api/admin/clinicians/nobody/verify', adminToken, { registrationNo: 'M12345', role: 'doctor', institutionCode: 'QMH' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'clinician.not_found']);
    const self = await call('POST', `/api/admin/clinicians/${adminId}/verify`, adminToken, { registrationNo: 'M12345', role: 'admin', institutionCode: 'QMH' });
    expect(self.statusCode).toBe(403);
    const dup = await call('POST', '/api/admin/institutions', adminToken, { code: 'QMH', nameEn: 'Again', sector: 'public' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'institution.code_taken']);
    // The message names the code taken (issue 12), in the reader's language; the hint says what to do.
    expect(dup.json().message).toBe('Institution code QMH is already taken.');
    const zh = await app.inject({ method: 'POST', url: '/api/admin/institutions', payload: { code: 'qmh', nameEn: 'Again', sector: 'public' }, headers: { authorization: `Bearer ${adminToken}`, 'accept-language': 'zh-HK' } });
    expect([zh.statusCode, zh.json().message, zh.json().hint]).toEqual([409, '醫療機構編號 QMH 已被使用。', expect.stringContaining('編號')]);
  });

  it('When an admin adds an institution and reads a case team, then both are returned without patient data', async () => {
    const inst = await call('POST', '/api/admin/institutions', adminToken, { code: 'tmh', nameEn: 'Tuen Mun Hospital', sector: 'public' });
    expect(inst.statusCode).toBe(201);
    expect(inst.json()).toMatchObject({ code: 'TMH', sector: 'public' });
    const list = await call('GET', '/api/admin/institutions', adminToken);
    expect(list.json().institutions.map((i: { code: string }) => i.code)).toEqual(['HKAH', 'QMH', 'TMH']);

    const code = await w.openCase(w.clinician('chan'), 'cid');
    const team = await call('GET', `/api/admin/cases/${code}/team`, adminToken);
    expect(team.statusCode).toBe(200);
    expect(team.json().team).toEqual([expect.objectContaining({ dingtalkUserId: 'chan', careRole: 'attending', institutionCode: 'QMH' })]);
    expect(team.body).not.toMatch(/A123456|Siu Ming|1961|patient/i);
    expect((await call('GET', '/api/admin/cases/C-0OOO1/team', adminToken)).json().code).toBe('case.code_invalid');
    expect((await call('GET', '/api/admin/cases/C-22222/team', adminToken)).statusCode).toBe(404);
  });
});
