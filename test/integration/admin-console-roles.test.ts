import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, type ConsoleWorld, type Who } from './admin-console-fixture.js';

type Probe = { method: 'GET' | 'POST'; url: string; payload?: object };

/**
 * Who may call which admin route, as a table. Requests use unknown ids where they would change
 * something, so "let through" shows as 200 or 404, never as a change. Admins only, unless listed.
 */
const TABLE: [Probe, Who[]][] = [
  [{ method: 'GET', url: '/api/admin/policies' }, ['admin']],
  [{ method: 'POST', url: '/api/admin/policies/explain', payload: { clinicianId: 'nobody', documentId: 'nothing' } }, ['admin']],
  [{ method: 'GET', url: '/api/admin/approvals' }, ['admin', 'officer']],
  [{ method: 'GET', url: '/api/admin/breakglass' }, ['admin', 'officer']],
  [{ method: 'POST', url: '/api/admin/breakglass/nope/review', payload: { decision: 'approve' } }, ['admin', 'officer']],
  [{ method: 'GET', url: '/api/admin/audit' }, ['admin', 'officer', 'auditor']],
  [{ method: 'POST', url: '/api/admin/audit/verify' }, ['admin', 'officer', 'auditor']],
  [{ method: 'GET', url: '/api/admin/audit/checkpoint' }, ['admin', 'officer', 'auditor']],
  [{ method: 'GET', url: '/api/admin/audit/trace/T-NOSUCH00' }, ['admin', 'officer', 'auditor']],
  [{ method: 'GET', url: '/api/admin/audit/export' }, ['admin', 'officer', 'auditor']],
  [{ method: 'GET', url: '/api/admin/outbox' }, ['admin']],
  [{ method: 'POST', url: '/api/admin/outbox/999999/retry' }, ['admin']],
  [{ method: 'POST', url: '/api/admin/outbox/999999/discard' }, ['admin']],
  [{ method: 'POST', url: '/api/admin/reports/data-access', payload: { caseCode: 'C-7KQ2M', reason: 'data_access_request' } }, ['officer']],
  [{ method: 'GET', url: '/api/admin/dashboard' }, ['admin']],
  // The directory routes stay admin-only.
  [{ method: 'GET', url: '/api/admin/clinicians' }, ['admin']],
  [{ method: 'GET', url: '/api/admin/institutions' }, ['admin']],
];

describe('admin console roles: admins, privacy officers and auditors each reach exactly their routes', () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld();
  }, 30_000);
  afterAll(async () => w?.close());

  it('When each role calls each route, then the allowed ones pass the guard and every other one gets 403 access.denied', async () => {
    for (const [probe, allowed] of TABLE) {
      for (const who of ['admin', 'officer', 'auditor', 'doctor'] as const) {
        const res = await w.call(probe.method, probe.url, who, probe.payload);
        const label = `${who} ${probe.method} ${probe.url}`;
        if (allowed.includes(who)) expect([401, 403].includes(res.statusCode), `${label}: ${res.body}`).toBe(false);
        else expect([label, res.statusCode, res.json().code]).toEqual([label, 403, 'access.denied']);
        expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      }
      const none = await w.call(probe.method, probe.url, undefined, probe.payload);
      expect([probe.url, none.statusCode, none.json().code]).toEqual([probe.url, 401, 'auth.required']);
    }
  });

  it('When the OpenAPI document is built, then every console route is in it with its admin bearer scheme and error schemas', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
    for (const [probe] of TABLE) {
      const path = probe.url.replace(/\?.*$/, '').replace('/nope/', '/{id}/').replace('/999999/', '/{id}/').replace('/T-NOSUCH00', '/{code}');
      const op = paths[path]?.[probe.method.toLowerCase()];
      expect(op, path).toBeDefined();
      expect(op!.security, path).toEqual([{ adminBearer: [] }]);
      expect(Object.keys(op!.responses), path).toEqual(expect.arrayContaining(['200', '401', '403']));
    }
  });

  it('When the privacy officer is suspended, then the routes open to officers refuse them too', async () => {
    await w.h.service.directoryRepo.update(w.ids.officer, { suspended: true }, w.h.service.clock.now());
    expect((await w.call('GET', '/api/admin/audit', 'officer')).statusCode).toBe(403);
    expect((await w.call('POST', '/api/admin/reports/data-access', 'officer', { caseCode: 'C-7KQ2M', reason: 'data_access_request' })).statusCode).toBe(403);
  });
});
