import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_SECTIONS, type ConsoleSection } from '../../src/contract/admin-sections.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';

/** One route each console section reads first; a role's menu lists a section iff this lets it through. */
const PROBE: Record<ConsoleSection, { method: 'GET' | 'POST'; url: string; payload?: object }> = {
  clinicians: { method: 'GET', url: '/api/admin/clinicians' },
  audit: { method: 'GET', url: '/api/admin/audit' },
  policies: { method: 'GET', url: '/api/admin/policies' },
  oversight: { method: 'GET', url: '/api/admin/breakglass' },
  outbox: { method: 'GET', url: '/api/admin/outbox' },
  report: { method: 'POST', url: '/api/admin/reports/data-access', payload: { caseCode: 'C-7KQ2M', reason: 'data_access_request' } },
  institutions: { method: 'GET', url: '/api/admin/institutions' },
  cases: { method: 'GET', url: '/api/admin/cases/C-7KQ2M/roles' },
  dashboard: { method: 'GET', url: '/api/admin/dashboard' },
  patients: { method: 'POST', url: '/api/admin/patients/merge/preview', payload: { survivor: 'C-7KQ2M', duplicate: 'C-7KQ2N' } },
  forms: { method: 'GET', url: '/api/admin/forms/submissions' },
  consult_rules: { method: 'GET', url: '/api/admin/consult-rules' },
  mdt: { method: 'GET', url: '/api/admin/mdt?status=in_approval' },
  rosters: { method: 'GET', url: '/api/admin/rosters/shifts?institutionId=HPH&specialty=cardiology&from=2030-01-06T16:00:00.000Z&to=2030-01-13T16:00:00.000Z' },
};

const EXPECTED = {
  admin: { sections: ['clinicians', 'audit', 'policies', 'oversight', 'outbox', 'institutions', 'cases', 'dashboard', 'forms', 'rosters', 'consult_rules', 'mdt'], actions: [] },
  privacy_officer: { sections: ['audit', 'oversight', 'report', 'patients'], actions: ['breakglass.review', 'grant.revoke'] },
  auditor: { sections: ['audit'], actions: [] },
};

describe('admin token answer: the console sections and actions the role may use, the same ones its routes admit', () => {
  let w: AuthWorld;
  const answers: Record<string, { token: string; role: string; sections: string[]; actions: string[] }> = {};

  beforeAll(async () => {
    w = await authWorld();
    await w.h.service.directoryRepo.update(w.clinicianId('qmh-lam-kaming'), { role: 'admin' }, w.clock.now());
    await w.h.service.directoryRepo.update(w.clinicianId('qmh-cheung-meiwah'), { role: 'auditor' }, w.clock.now());
    for (const user of ['qmh-lam-kaming', 'qmh-li-siufan', 'qmh-cheung-meiwah']) {
      const s = await w.login(user);
      const res = await w.app.inject({ method: 'POST', url: '/api/auth/admin-token', headers: bearer(s.accessToken) });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as (typeof answers)[string];
      answers[body.role] = body;
    }
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the admin, the privacy officer and the auditor get their tokens, then each answer lists only that role’s sections and actions', () => {
    for (const [role, expected] of Object.entries(EXPECTED)) {
      expect([role, answers[role]?.sections, answers[role]?.actions]).toEqual([role, expected.sections, expected.actions]);
    }
  });

  it('When each role calls each section’s route, then the guard lets it through exactly when the section is in its answer', async () => {
    for (const { role, token, sections } of Object.values(answers)) {
      for (const section of CONSOLE_SECTIONS) {
        const probe = PROBE[section];
        const res = await w.app.inject({ method: probe.method, url: probe.url, payload: probe.payload, headers: bearer(token) });
        const label = `${role} ${section}`;
        expect([label, res.statusCode === 403], res.body).toEqual([label, !sections.includes(section)]);
        expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});
