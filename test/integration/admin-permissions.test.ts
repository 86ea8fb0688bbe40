import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTokenFor } from '../helpers/admin-token.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { routesOf } from '../helpers/route-table.js';

/**
 * Every admin route, with a request an admin could legitimately make. The route list is read from
 * the app itself, so a new admin route without a line here fails the first test.
 */
const SAMPLES: Record<string, (ids: { target: string }) => { url: string; payload?: object }> = {
  'GET /api/admin/clinicians': () => ({ url: '/api/admin/clinicians?unverified=true' }),
  'POST /api/admin/clinicians': () => ({ url: '/api/admin/clinicians', payload: { dingtalkUserId: 'perm-probe-user', displayName: 'Probe' } }),
  'POST /api/admin/clinicians/:id/verify': ({ target }) => ({
    url: `/api/admin/clinicians/${target}/verify`,
    payload: { registrationNo: 'M56789', role: 'doctor', specialty: 'Cardiology', institutionCode: 'HPH' },
  }),
  'POST /api/admin/clinicians/:id/suspend': ({ target }) => ({ url: `/api/admin/clinicians/${target}/suspend`, payload: { undo: true } }),
  'POST /api/admin/clinicians/:id/remove-from-org': ({ target }) => ({ url: `/api/admin/clinicians/${target}/remove-from-org` }),
  'GET /api/admin/institutions': () => ({ url: '/api/admin/institutions' }),
  'POST /api/admin/institutions': () => ({ url: '/api/admin/institutions', payload: { code: 'PERMX', nameEn: 'Probe Clinic', sector: 'private' } }),
  'GET /api/admin/cases/:code/team': () => ({ url: '/api/admin/cases/C-7KQ2M/team' }),
  // Admin console (src/http/admin/admin-console.ts); unknown ids answer 404 past the guard.
  'GET /api/admin/policies': () => ({ url: '/api/admin/policies' }),
  'POST /api/admin/policies/explain': ({ target }) => ({ url: '/api/admin/policies/explain', payload: { clinicianId: target, documentId: 'no-such-doc' } }),
  'GET /api/admin/clinical/rules': () => ({ url: '/api/admin/clinical/rules' }),
  'GET /api/admin/approvals': () => ({ url: '/api/admin/approvals?status=pending' }),
  'GET /api/admin/breakglass': () => ({ url: '/api/admin/breakglass?status=pending' }),
  'POST /api/admin/breakglass/:id/review': () => ({ url: '/api/admin/breakglass/no-such-review/review', payload: { decision: 'approve' } }),
  'GET /api/admin/grants': () => ({ url: '/api/admin/grants?limit=5' }),
  'POST /api/admin/grants/:id/revoke': () => ({ url: '/api/admin/grants/no-such-grant/revoke', payload: { reason: 'no_longer_needed' } }),
  'GET /api/admin/audit': () => ({ url: '/api/admin/audit?limit=5' }),
  'POST /api/admin/audit/verify': () => ({ url: '/api/admin/audit/verify' }),
  'GET /api/admin/audit/checkpoint': () => ({ url: '/api/admin/audit/checkpoint' }),
  'GET /api/admin/audit/trace/:code': () => ({ url: '/api/admin/audit/trace/T-ABCDEFGH' }),
  'GET /api/admin/audit/export': () => ({ url: '/api/admin/audit/export?limit=10' }),
  'GET /api/admin/outbox': () => ({ url: '/api/admin/outbox?status=dead' }),
  'GET /api/admin/inbound': () => ({ url: '/api/admin/inbound?state=dead' }),
  'POST /api/admin/outbox/:id/retry': () => ({ url: '/api/admin/outbox/999999/retry' }),
  'POST /api/admin/outbox/:id/discard': () => ({ url: '/api/admin/outbox/999999/discard' }),
  'POST /api/admin/reports/data-access': () => ({ url: '/api/admin/reports/data-access', payload: { caseCode: 'C-7KQ2M', reason: 'data_access_request' } }),
  'GET /api/admin/dashboard': () => ({ url: '/api/admin/dashboard?days=7' }),
  'GET /api/admin/referrals/stats': () => ({ url: '/api/admin/referrals/stats?days=7' }),
  'GET /api/admin/referrals/attention': () => ({ url: '/api/admin/referrals/attention' }),
  'GET /api/admin/mdt': () => ({ url: '/api/admin/mdt?status=in_approval&stuckDays=3' }),
  'POST /api/admin/cases/:code/team': ({ target }) => ({ url: '/api/admin/cases/C-7KQ2M/team', payload: { clinicianId: target, role: 'observer' } }),
  'DELETE /api/admin/cases/:code/team/:clinicianId': ({ target }) => ({ url: `/api/admin/cases/C-7KQ2M/team/${target}` }),
  'GET /api/admin/cases/:code/roles': () => ({ url: '/api/admin/cases/C-7KQ2M/roles' }),
  'DELETE /api/admin/cases/:code/roles/:roleId': () => ({ url: '/api/admin/cases/C-7KQ2M/roles/no-such-role' }),
  // The explain tool's pickers.
  'GET /api/admin/people': () => ({ url: '/api/admin/people?q=lee' }),
  'GET /api/admin/cases/:code/documents': () => ({ url: '/api/admin/cases/C-7KQ2M/documents' }),
  'GET /api/admin/cases/:code/groups': () => ({ url: '/api/admin/cases/C-7KQ2M/groups' }),
  'POST /api/admin/cases/:code/groups': () => ({ url: '/api/admin/cases/C-7KQ2M/groups', payload: { conversationId: 'perm-probe-group' } }),
  'DELETE /api/admin/cases/:code/groups/:conversationId': () => ({ url: '/api/admin/cases/C-7KQ2M/groups/perm-probe-group' }),
  // Bulk import (a dry run changes nothing), the register check, and the privacy officer's patient merge.
  'POST /api/admin/clinicians/import': () => ({ url: '/api/admin/clinicians/import', payload: { csv: 'dingtalkUserId,displayName\nperm-import,Probe', dryRun: true } }),
  'GET /api/admin/register-check': () => ({ url: '/api/admin/register-check?no=M56789' }),
  'POST /api/admin/patients/merge/preview': () => ({ url: '/api/admin/patients/merge/preview', payload: { survivor: 'C-7KQ2M', duplicate: 'C-8KQ2M' } }),
  'GET /api/admin/consult-rules': () => ({ url: '/api/admin/consult-rules' }),
  // A stale version: passes the guard, changes nothing (409).
  'PUT /api/admin/consult-rules': () => ({ url: '/api/admin/consult-rules', payload: { text: '{"rules":[]}', expectedVersion: 99 } }),
  'POST /api/admin/consult-rules/dry-run': () => ({ url: '/api/admin/consult-rules/dry-run', payload: { observation: { resourceType: 'Observation', id: 'probe', code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] }, valueQuantity: { value: 4, unit: 'mmol/L' } } } }),
  'POST /api/admin/patients/merge': () => ({ url: '/api/admin/patients/merge', payload: { survivor: 'C-7KQ2M', duplicate: 'C-8KQ2M' } }),
  // Yida form archive (Forms); approving a submission is in the oversight section.
  'GET /api/admin/forms/mappings': () => ({ url: '/api/admin/forms/mappings' }),
  'PUT /api/admin/forms/mappings/:formUuid': () => ({ url: '/api/admin/forms/mappings/FORM-PERMPROBE', payload: { name: 'Probe form', recordType: 'probe_form', fields: { patientHkid: 'textField_hkid' } } }),
  'DELETE /api/admin/forms/mappings/:formUuid': () => ({ url: '/api/admin/forms/mappings/FORM-PERMPROBE' }),
  'GET /api/admin/forms/submissions': () => ({ url: '/api/admin/forms/submissions?state=waiting' }),
  'POST /api/admin/forms/submissions/:id/retry': () => ({ url: '/api/admin/forms/submissions/no-such-submission/retry' }),
  'POST /api/admin/forms/submissions/:id/discard': () => ({ url: '/api/admin/forms/submissions/no-such-submission/discard' }),
  'POST /api/admin/forms/submissions/:id/approve': () => ({ url: '/api/admin/forms/submissions/no-such-submission/approve' }),
  // On-call rosters (src/http/admin/admin-roster-routes.ts); unknown shift ids answer 404 past the guard.
  'GET /api/admin/rosters/shifts': () => ({ url: '/api/admin/rosters/shifts?institutionId=HPH&specialty=cardiology&from=2030-01-06T16:00:00.000Z&to=2030-01-13T16:00:00.000Z' }),
  'POST /api/admin/rosters/shifts': ({ target }) => ({
    url: '/api/admin/rosters/shifts',
    payload: { institutionId: 'HPH', specialty: 'cardiology', clinicianId: target, level: 'shift', startsAt: '2031-01-01T00:00:00.000Z', endsAt: '2031-01-01T01:00:00.000Z' },
  }),
  'POST /api/admin/rosters/shifts/swap': () => ({ url: '/api/admin/rosters/shifts/swap', payload: { a: 'no-such-shift', b: 'no-such-shift-2' } }),
  'POST /api/admin/rosters/shifts/:id/cover': ({ target }) => ({ url: '/api/admin/rosters/shifts/no-such-shift/cover', payload: { clinicianId: target } }),
  'DELETE /api/admin/rosters/shifts/:id': () => ({ url: '/api/admin/rosters/shifts/no-such-shift' }),
  'POST /api/admin/rosters/settings': () => ({ url: '/api/admin/rosters/settings', payload: { institutionId: 'HPH', specialty: 'neurology', ownerClinicianId: null, escalationContactId: null } }),
  'POST /api/admin/rosters/import': () => ({ url: '/api/admin/rosters/import', payload: { csv: 'institution,specialty,level,clinician,start,end\nXYZ,cardiology,first,nobody,2031-01-01 08:00,2031-01-01 20:00' } }),
  'GET /api/admin/rosters/export': () => ({ url: '/api/admin/rosters/export?institutionId=HPH&specialty=cardiology&from=2030-01-06T16:00:00.000Z&to=2030-01-13T16:00:00.000Z' }),
};

/** Routes that decrypt patient identity: not even an admin passes (admins manage but never decrypt). */
const PRIVACY_OFFICER_ONLY = new Set(['POST /api/admin/reports/data-access', 'POST /api/admin/patients/merge/preview', 'POST /api/admin/patients/merge']);

describe('admin API permissions: every admin route refuses everyone but a verified, active admin', () => {
  let w: AuthWorld;
  let adminRoutes: string[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    w = await authWorld();
    const repo = w.h.service.directoryRepo;
    const now = w.clock.now();
    const secret = w.h.service.sessionSecret;
    await repo.update(w.clinicianId('qmh-li-siufan'), { role: 'admin' }, now);
    const extra = async (userId: string, patch: { verified: boolean; suspended: boolean }) =>
      (await repo.insert({ dingtalkUserId: userId, displayName: userId, role: 'admin', ...patch }, now)).id;
    tokens.admin = await adminTokenFor(w.h.service, w.clinicianId('qmh-li-siufan'));
    tokens.doctor = await adminTokenFor(w.h.service, w.clinicianId('qmh-chan-taiman'));
    tokens.nurse = await adminTokenFor(w.h.service, w.clinicianId('qmh-cheung-meiwah'));
    tokens.unverifiedDoctor = await adminTokenFor(w.h.service, w.clinicianId('hph-lee-meiling'));
    tokens.unverifiedAdmin = await adminTokenFor(w.h.service, await extra('perm-unverified-admin', { verified: false, suspended: false }));
    tokens.suspendedAdmin = await adminTokenFor(w.h.service, await extra('perm-suspended-admin', { verified: true, suspended: true }));
    tokens.unknown = await adminTokenFor(w.h.service, 'no-such-clinician');
    // The admin signed in to the mini-app: a real token, but for the wrong audience.
    tokens.adminAppToken = (await w.login('qmh-li-siufan')).accessToken;
    tokens.expiredAdmin = await adminTokenFor(w.h.service, w.clinicianId('qmh-li-siufan'), { clockTimestamp: Date.now() - 3_600_000 });
    adminRoutes = routesOf(w.app).filter((r) => r.split(' ')[1]!.startsWith('/api/admin'));
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the app is built, then every admin route it has is in this test (and nothing here is stale)', () => {
    expect(adminRoutes.length).toBeGreaterThanOrEqual(7);
    expect([...adminRoutes].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('When no token, an expired one or a mini-app token is sent, then every admin route answers 401', async () => {
    for (const route of adminRoutes) {
      const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
      const req = SAMPLES[route]!({ target: w.clinicianId('hph-lee-meiling') });
      const none = await w.app.inject({ method, url: req.url, payload: req.payload });
      expect([route, none.statusCode, none.json().code]).toEqual([route, 401, 'auth.required']);
      for (const who of ['expiredAdmin', 'adminAppToken'] as const) {
        const res = await w.app.inject({ method, url: req.url, payload: req.payload, headers: bearer(tokens[who]!) });
        expect([route, who, res.statusCode, res.json().code]).toEqual([route, who, 401, 'auth.invalid']);
      }
    }
  });

  it('When a non-admin, an unverified or suspended admin, or an unknown id holds an admin token, then every admin route answers 403 and changes nothing', async () => {
    const before = JSON.stringify({ c: await w.h.service.directoryRepo.list(), i: await w.h.service.directoryRepo.listInstitutions() });
    for (const route of adminRoutes) {
      const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
      const req = SAMPLES[route]!({ target: w.clinicianId('hph-lee-meiling') });
      for (const who of ['doctor', 'nurse', 'unverifiedDoctor', 'unverifiedAdmin', 'suspendedAdmin', 'unknown'] as const) {
        const res = await w.app.inject({ method, url: req.url, payload: req.payload, headers: bearer(tokens[who]!) });
        expect([route, who, res.statusCode, res.json().code]).toEqual([route, who, 403, 'access.denied']);
      }
    }
    expect(JSON.stringify({ c: await w.h.service.directoryRepo.list(), i: await w.h.service.directoryRepo.listInstitutions() })).toBe(before);
  });

  it('When a verified admin calls each route, then the guard lets it through (the samples are real requests); identity reports are the privacy officer’s alone', async () => {
    for (const route of adminRoutes) {
      const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
      const req = SAMPLES[route]!({ target: w.clinicianId('hph-lee-meiling') });
      const res = await w.app.inject({ method, url: req.url, payload: req.payload, headers: bearer(tokens.admin!) });
      if (PRIVACY_OFFICER_ONLY.has(route)) {
        expect([route, res.statusCode]).toEqual([route, 403]);
        continue;
      }
      expect([route, [401, 403].includes(res.statusCode)], res.body).toEqual([route, false]);
      expect(res.statusCode, `${route}: ${res.body}`).toBeLessThan(500);
    }
  });
});
