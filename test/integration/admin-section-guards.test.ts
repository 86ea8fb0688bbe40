import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_SECTIONS, SECTION_ROLES, sectionsFor, type ConsoleSection } from '../../src/contract/admin-sections.js';
import { routesOf } from '../helpers/route-table.js';
import { consoleWorld, type ConsoleWorld, type Who } from './admin-console-fixture.js';

/** Which console section each admin API route serves (what the console screen of that section calls). */
const SECTION_OF: Record<string, ConsoleSection> = {
  'GET /api/admin/clinicians': 'clinicians',
  'POST /api/admin/clinicians': 'clinicians',
  'POST /api/admin/clinicians/:id/verify': 'clinicians',
  'POST /api/admin/clinicians/:id/suspend': 'clinicians',
  'POST /api/admin/clinicians/:id/remove-from-org': 'clinicians',
  'GET /api/admin/institutions': 'institutions',
  'POST /api/admin/institutions': 'institutions',
  'GET /api/admin/cases/:code/team': 'cases',
  'POST /api/admin/cases/:code/team': 'cases',
  'DELETE /api/admin/cases/:code/team/:clinicianId': 'cases',
  'GET /api/admin/cases/:code/roles': 'cases',
  'DELETE /api/admin/cases/:code/roles/:roleId': 'cases',
  'GET /api/admin/cases/:code/groups': 'cases',
  'POST /api/admin/cases/:code/groups': 'cases',
  'DELETE /api/admin/cases/:code/groups/:conversationId': 'cases',
  'GET /api/admin/policies': 'policies',
  'POST /api/admin/policies/explain': 'policies',
  'GET /api/admin/clinical/rules': 'policies',
  // The explain form's pickers.
  'GET /api/admin/people': 'policies',
  'GET /api/admin/cases/:code/documents': 'policies',
  'GET /api/admin/approvals': 'oversight',
  'GET /api/admin/breakglass': 'oversight',
  'POST /api/admin/breakglass/:id/review': 'oversight',
  'GET /api/admin/grants': 'oversight',
  'POST /api/admin/grants/:id/revoke': 'oversight',
  'GET /api/admin/audit': 'audit',
  'POST /api/admin/audit/verify': 'audit',
  'GET /api/admin/audit/checkpoint': 'audit',
  'GET /api/admin/audit/trace/:code': 'audit',
  'GET /api/admin/audit/export': 'audit',
  'GET /api/admin/outbox': 'outbox',
  'POST /api/admin/outbox/:id/retry': 'outbox',
  'POST /api/admin/outbox/:id/discard': 'outbox',
  'GET /api/admin/inbound': 'outbox',
  'POST /api/admin/reports/data-access': 'report',
  'GET /api/admin/dashboard': 'dashboard',
  'GET /api/admin/referrals/stats': 'dashboard',
  'GET /api/admin/referrals/attention': 'dashboard',
  'POST /api/admin/clinicians/import': 'clinicians',
  'GET /api/admin/register-check': 'clinicians',
  'POST /api/admin/patients/merge/preview': 'patients',
  'POST /api/admin/patients/merge': 'patients',
  'GET /api/admin/consult-rules': 'consult_rules',
  'PUT /api/admin/consult-rules': 'consult_rules',
  'POST /api/admin/consult-rules/dry-run': 'consult_rules',
  'GET /api/admin/forms/mappings': 'forms',
  'PUT /api/admin/forms/mappings/:formUuid': 'forms',
  'DELETE /api/admin/forms/mappings/:formUuid': 'forms',
  'GET /api/admin/forms/submissions': 'forms',
  'POST /api/admin/forms/submissions/:id/retry': 'forms',
  'POST /api/admin/forms/submissions/:id/discard': 'forms',
  'POST /api/admin/forms/submissions/:id/approve': 'oversight',
  'GET /api/admin/rosters/shifts': 'rosters',
  'POST /api/admin/rosters/shifts': 'rosters',
  'POST /api/admin/rosters/shifts/swap': 'rosters',
  'POST /api/admin/rosters/shifts/:id/cover': 'rosters',
  'DELETE /api/admin/rosters/shifts/:id': 'rosters',
  'POST /api/admin/rosters/settings': 'rosters',
  'POST /api/admin/rosters/import': 'rosters',
  'GET /api/admin/rosters/export': 'rosters',
  'GET /api/admin/mdt': 'mdt',
};

const ROLE_OF: Record<Who, string> = { admin: 'admin', officer: 'privacy_officer', auditor: 'auditor', doctor: 'doctor' };
const WHO: readonly Who[] = ['admin', 'officer', 'auditor', 'doctor'];

/**
 * Review fix (issue 12): every admin API route is guarded by the roles of its console section, from the
 * one table the console's menu also comes from (src/contract/admin-sections.ts). A role × route matrix:
 * each role passes the guard exactly on the routes of its sections. Calls use unknown ids and empty
 * bodies, so passing shows as 200, 400 or 404, never as a change.
 */
describe('admin route guards follow the section table', () => {
  let w: ConsoleWorld;
  let routes: string[];
  beforeAll(async () => {
    w = await consoleWorld();
    routes = routesOf(w.app).filter((r) => r.split(' ')[1]!.startsWith('/api/admin/'));
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the admin routes are listed, then each one has its section here (the matrix covers them all)', () => {
    // A route added without a row here fails: name its section (config.adminSection) and add it.
    expect({ unlisted: routes.filter((r) => !(r in SECTION_OF)), gone: Object.keys(SECTION_OF).filter((r) => !routes.includes(r)) }).toEqual({ unlisted: [], gone: [] });
    expect(routes.length).toBeGreaterThan(30);
  });

  it('When every role calls every admin route, then it passes exactly where its role is in the route\'s section row', async () => {
    const seen = new Map<Who, Set<ConsoleSection>>(WHO.map((who) => [who, new Set()]));
    for (const route of routes) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH', string];
      const url = path.replace(/:[a-zA-Z]+/g, 'nope');
      const section = SECTION_OF[route]!;
      for (const who of WHO) {
        const body = method === 'GET' || method === 'DELETE' ? {} : { payload: {} };
        const res = await w.app.inject({ method, url, ...body, headers: { authorization: `Bearer ${w.tokens[who]}` } });
        const label = `${who} ${route} (${section})`;
        const allowed = (SECTION_ROLES[section] as readonly string[]).includes(ROLE_OF[who]);
        if (allowed) {
          expect([401, 403].includes(res.statusCode), `${label}: ${res.statusCode} ${res.body}`).toBe(false);
          seen.get(who)!.add(section);
        } else {
          expect([label, res.statusCode, res.json().code]).toEqual([label, 403, 'access.denied']);
        }
        expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      }
    }
    // Each role reached routes of exactly the sections its menu lists.
    for (const who of WHO) expect([...seen.get(who)!].sort(), who).toEqual(sectionsFor(ROLE_OF[who]).sort());
    expect(sectionsFor('privacy_officer').sort()).toEqual(CONSOLE_SECTIONS.filter((s) => (SECTION_ROLES[s] as readonly string[]).includes('privacy_officer')).sort());
  });
});
