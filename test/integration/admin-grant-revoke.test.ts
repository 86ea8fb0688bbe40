import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveGrantDto } from '../../src/contract/admin-grants.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';
import { auditSince } from './sharing-edge-fixture.js';

const HOUR = 3_600_000;

/**
 * The console's live grants (issue 12 item 5): the list (oversight readers; names, case code, document
 * type, purpose, expiry, who granted; keyset pages) and [Revoke] with a reason — the privacy officer
 * alone, audited with the reason's code.
 */
describe('admin console: listing and revoking live access grants', () => {
  let w: ConsoleWorld;
  let seed: { code: string; docId: string; caseId: string };
  const live = async () => (await w.h.service.secure.grants.activeGrantFor(w.ids.wong, seed.docId, seed.caseId)).hasGrant;
  let grantId: string;
  const list = async (query = '', who: 'officer' | 'admin' | 'auditor' = 'officer') => w.call('GET', `/api/admin/grants${query}`, who);

  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w, undefined, 'imaging');
    const { approvals, grants } = w.h.service.secure;
    // A real request, approved by the attending (Dr Chan): the grant the list shows with its purpose and approver.
    const asked = await approvals.requestAccess({ documentId: seed.docId, requesterId: w.ids.wong, reasonCode: 'second_opinion' });
    grantId = (await approvals.decide({ requestId: asked.requestId, deciderId: w.ids.doctor, decision: 'approve', duration: '4h' })).grant!.id;
    // Two more live grants (later expiries) to page through, and one already over.
    const now = w.h.service.clock.now();
    for (const [ttlMs, who] of [[24 * HOUR, w.ids.lam], [72 * HOUR, w.ids.auditor]] as const) {
      await grants.createApprovalGrant({ requestId: `req-extra-${ttlMs}`, documentId: seed.docId, caseId: seed.caseId, clinicianId: who, approverId: w.ids.doctor, ttlMs, now });
    }
    await grants.createApprovalGrant({ requestId: 'req-over', documentId: seed.docId, caseId: seed.caseId, clinicianId: w.ids.lam, approverId: w.ids.doctor, ttlMs: 1, now: now - 10 });
  }, 30_000);
  afterAll(async () => {
    await w?.close();
  });

  it('When the privacy officer lists live grants, then each shows grantee and approver by name, case code, document type and purpose, soonest expiry first', async () => {
    const res = await list();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { grants: LiveGrantDto[]; next: string | null };
    expect(body.next).toBeNull();
    expect(body.grants.map((g) => g.grantee.id)).toEqual([w.ids.wong, w.ids.lam, w.ids.auditor]);
    expect(body.grants[0]).toEqual({
      grantId,
      kind: 'approval',
      caseCode: seed.code,
      grantee: expect.objectContaining({ name: 'Dr WONG Siu-ming' }),
      docType: 'imaging',
      purpose: 'second_opinion',
      consult: null,
      grantedAt: expect.any(String),
      expiresAt: expect.any(String),
      grantedBy: expect.objectContaining({ id: w.ids.doctor, name: 'Dr CHAN Tai-man' }),
    });
    expect(Date.parse(body.grants[0]!.expiresAt) - Date.parse(body.grants[0]!.grantedAt)).toBe(4 * HOUR);
    // An admin reads the oversight section too (revoking is the officer's alone); an auditor does not.
    expect((await list('', 'admin')).statusCode).toBe(200);
    expect((await list('', 'auditor')).statusCode).toBe(403);
  });

  it('When the list is paged, then each page continues after the last one (keyset), and a bad cursor is refused', async () => {
    const first = (await list('?limit=2')).json() as { grants: LiveGrantDto[]; next: string | null };
    expect(first.grants.map((g) => g.grantee.id)).toEqual([w.ids.wong, w.ids.lam]);
    expect(first.next).toMatch(/^\d+:/);
    const second = (await list(`?limit=2&after=${encodeURIComponent(first.next!)}`)).json() as { grants: LiveGrantDto[]; next: string | null };
    expect(second).toEqual({ grants: [expect.objectContaining({ grantee: expect.objectContaining({ id: w.ids.auditor }) })], next: null });
    expect((await list('?after=not-a-cursor')).statusCode).toBe(400);
  });

  it('When an admin or an auditor presses [Revoke], or nobody gives a reason, then it is refused and the grant stays live', async () => {
    const reason = { reason: 'no_longer_needed' };
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'admin', reason)).statusCode).toBe(403);
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'auditor', reason)).statusCode).toBe(403);
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'officer', {})).statusCode).toBe(400);
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'officer', { reason: 'because I say so' })).statusCode).toBe(400);
    expect(await live()).toBe(true);
  });

  it('When the privacy officer revokes it with a reason, then the grant ends at once, leaves the list, and the revoke is audited as theirs with the reason', async () => {
    const res = await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'officer', { reason: 'wrong_person' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ caseCode: seed.code, ended: 1 });
    expect(await live()).toBe(false);
    const entries = await auditSince(w.h, 0, { action: 'grant.revoked', outcome: 'success' });
    expect(entries.at(-1)).toMatchObject({ actor: w.ids.officer, target: seed.docId, reason: 'revoked:wrong_person' });
    expect(((await list()).json() as { grants: LiveGrantDto[] }).grants.map((g) => g.grantId)).not.toContain(grantId);
    // grant.none_live: nothing left to end.
    expect((await w.call('POST', `/api/admin/grants/${grantId}/revoke`, 'officer', { reason: 'wrong_person' })).statusCode).toBe(404);
  });
});
