import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';

/** Data residency as an operator and an admin see it: /readyz and the console dashboard. */
describe('data residency: /readyz and the admin dashboard', () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld({ env: { DATA_REGION: 'HK-DC1', PHI_HOSTS: 'db.hospital.hk' } });
  });
  afterAll(async () => w.close());

  it('/readyz shows the declared region beside the checks', async () => {
    const res = await w.call('GET', '/readyz');
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ready', checks: { db: true, stream: true }, region: 'HK-DC1' }]);
  });

  it('the dashboard answers with the region, the allowlist and each destination of patient data (hosts only)', async () => {
    const res = await w.call('GET', '/api/admin/dashboard?days=7', 'admin');
    expect(res.statusCode).toBe(200);
    expect(res.json().residency).toEqual({
      region: 'HK-DC1',
      phiHosts: ['db.hospital.hk'],
      destinations: [
        { kind: 'database', setting: 'DATABASE_URL', host: null, local: true },
        { kind: 'blob_store', setting: 'DATABASE_URL', host: null, local: true },
      ],
    });
    // The database path (a temp folder here) is not shown: hosts only.
    expect(res.body).not.toContain('cb.db');
  });

  it('the console\'s latest signed checkpoint states the region, and the log verifies', async () => {
    await w.h.service.audit.checkpoint();
    const head = await w.call('GET', '/api/admin/audit/checkpoint', 'auditor');
    expect(head.statusCode).toBe(200);
    expect(head.json()).toMatchObject({ region: 'HK-DC1', signedText: expect.stringMatching(/^consultbridge\/audit\/v2\n[\s\S]*\nregion HK-DC1\n$/) });
    expect((await w.call('POST', '/api/admin/audit/verify', 'auditor')).json()).toMatchObject({ ok: true });
  });
});
