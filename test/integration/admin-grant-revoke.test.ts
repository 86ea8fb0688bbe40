import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';
import { auditSince } from './sharing-edge-fixture.js';

/** The console's [Revoke] on a live grant (issue 12 item 5): the privacy officer alone, audited. */
describe('admin console: revoking a live access grant', () => {
  let w: ConsoleWorld;
  let seed: { code: string; docId: string; caseId: string };
  const live = async () => (await w.h.service.secure.grants.activeGrantFor(w.ids.wong, seed.docId, seed.caseId)).hasGrant;
  let grantId: string;
  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w);
    const now = w.h.service.clock.now();
    grantId = (await w.h.service.secure.grants.createApprovalGrant({ requestId: 'req-console', documentId: seed.docId, caseId: seed.caseId, clinicianId: w.ids.wong, approverId: w.ids.doctor, ttlMs: 3_600_000, now })).id;
  }, 30_000);
  afterAll(async () => {
    await w?.close();
  });

  it('When an admin or an auditor presses [Revoke], then they are refused and the grant stays live', async () => {
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'admin')).statusCode).toBe(403);
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'auditor')).statusCode).toBe(403);
    expect(await live()).toBe(true);
  });

  it('When the privacy officer revokes it, then the grant ends at once and it is audited as theirs', async () => {
    const res = await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'officer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ caseCode: seed.code, ended: 1 });
    expect(await live()).toBe(false);
    const entries = await auditSince(w.h, 0, { action: 'grant.revoked', outcome: 'success' });
    expect(entries.at(-1)).toMatchObject({ actor: w.ids.officer, reason: 'revoked' });
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'officer')).statusCode).toBe(404); // grant.none_live: nothing left to end
  });
});
