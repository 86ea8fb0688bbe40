import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

describe('admin console: approvals and the break-glass review queue', () => {
  let w: ConsoleWorld;
  let seed: Awaited<ReturnType<typeof seedConsult>>;
  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w);
  }, 30_000);
  afterAll(async () => w?.close());

  it('When a request is pending and then approved, then each list shows it with names, case code, reason code and times', async () => {
    const { approvals } = w.h.service.secure;
    const req = await approvals.requestAccess({ documentId: seed.docId, requesterId: w.ids.wong, reasonCode: 'continuing_care' });

    const pending = await w.call('GET', '/api/admin/approvals?status=pending', 'admin');
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json().requests).toEqual([
      expect.objectContaining({
        requestId: req.requestId,
        status: 'pending',
        caseCode: seed.code,
        documentId: seed.docId,
        reasonCode: 'continuing_care',
        waitingOn: 'attending',
        // Named, not by id (issue 12): the attending who can decide now.
        waitingOnPeople: [{ id: w.ids.doctor, name: 'Dr CHAN Tai-man', role: 'doctor', institution: 'QMH' }],
        decidedAt: null,
        decisions: [],
        requester: { id: w.ids.wong, name: 'Dr WONG Siu-ming', role: 'doctor', institution: 'HPH' },
      }),
    ]);
    expect(Date.parse(pending.json().requests[0].expiresAt)).toBeGreaterThan(Date.parse(pending.json().requests[0].requestedAt));

    await approvals.decide({ requestId: req.requestId, deciderId: w.ids.doctor, decision: 'approve', reason: 'ok for follow-up', cardStep: 0 });
    expect((await w.call('GET', '/api/admin/approvals', 'officer')).json().requests).toEqual([]);
    const approved = (await w.call('GET', '/api/admin/approvals?status=approved', 'officer')).json().requests;
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ status: 'approved', waitingOn: null, waitingOnPeople: [], decisions: [{ step: 'attending', decision: 'approve', by: { id: w.ids.doctor, name: 'Dr CHAN Tai-man' } }] });
    expect(approved[0].decidedAt).not.toBeNull();
    // The approver's free-text note is not part of the console list.
    expect(JSON.stringify(approved)).not.toContain('follow-up');
    // Keyset pages: a full page points at the next, which holds nothing older here.
    const one = (await w.call('GET', '/api/admin/approvals?status=approved&limit=1', 'officer')).json();
    expect(one.nextCursor).toEqual(expect.any(String));
    expect((await w.call('GET', `/api/admin/approvals?status=approved&limit=1&cursor=${one.nextCursor}`, 'officer')).json()).toMatchObject({ requests: [], nextCursor: null });
    for (const list of ['approvals', 'breakglass']) {
      for (const query of ['status=whatever', 'cursor=not*a*cursor', `cursor=${Buffer.from('later.x').toString('base64url')}`, 'limit=101']) {
        const bad = await w.call('GET', `/api/admin/${list}?${query}`, 'admin');
        expect([bad.statusCode, bad.json().code], `${list}?${query}`).toEqual([400, 'request.invalid']);
      }
    }
  });

  it('When a doctor breaks the glass, then the queue shows it; an admin may not close it (403, audited) and the privacy officer can, once', async () => {
    const { breakGlass } = w.h.service.secure;
    const reason = 'collapsed in A&E, history needed now';
    const out = await breakGlass.breakGlass({ caseId: seed.caseId, clinicianId: w.ids.wong, reason });

    const queue = await w.call('GET', '/api/admin/breakglass?status=pending', 'admin');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().reviews).toEqual([
      expect.objectContaining({ reviewId: out.reviewId, grantId: out.grantId, caseCode: seed.code, status: 'pending', reason, reviewer: null, clinician: expect.objectContaining({ id: w.ids.wong }) }),
    ]);

    const byAdmin = await w.call('POST', `/api/admin/breakglass/${out.reviewId}/review`, 'admin', { decision: 'approve' });
    expect([byAdmin.statusCode, byAdmin.json().code]).toEqual([403, 'access.denied']);

    const byOfficer = await w.call('POST', `/api/admin/breakglass/${out.reviewId}/review`, 'officer', { decision: 'flag', note: 'no emergency on the chart' });
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
    expect(byOfficer.json()).toMatchObject({ status: 'flagged', note: 'no emergency on the chart', reviewer: { id: w.ids.officer } });
    const again = await w.call('POST', `/api/admin/breakglass/${out.reviewId}/review`, 'officer', { decision: 'approve' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'approval.already_decided']);

    expect((await w.call('GET', '/api/admin/breakglass', 'officer')).json().reviews).toEqual([]);
    expect((await w.call('GET', '/api/admin/breakglass?status=flagged', 'officer')).json().reviews).toHaveLength(1);
    const one = (await w.call('GET', '/api/admin/breakglass?status=flagged&limit=1', 'officer')).json();
    expect((await w.call('GET', `/api/admin/breakglass?status=flagged&limit=1&cursor=${one.nextCursor}`, 'officer')).json()).toMatchObject({ reviews: [], nextCursor: null });

    await w.h.service.audit.flush();
    const reviewed = (await w.h.service.audit.repo.list({ action: AUDIT_ACTIONS.breakglassReviewed })).entries;
    expect(reviewed.map((e) => [e.actor, e.outcome, e.reason])).toEqual([
      [w.ids.officer, 'success', 'flagged'],
      [w.ids.admin, 'denied', 'not_a_reviewer'],
    ]);
    // Neither the clinician's justification nor the reviewer's note is in the audit log.
    expect(JSON.stringify((await w.h.service.audit.repo.list({}, { limit: 500 })).entries)).not.toMatch(/collapsed|chart/);
  });

  it('When the review id is unknown or the decision is not approve/flag, then 404 / 400', async () => {
    const a = await w.call('POST', '/api/admin/breakglass/nope/review', 'officer', { decision: 'approve' });
    expect([a.statusCode, a.json().code]).toEqual([404, 'not_found']);
    const b = await w.call('POST', '/api/admin/breakglass/nope/review', 'officer', { decision: 'maybe' });
    expect([b.statusCode, b.json().code]).toEqual([400, 'request.invalid']);
  });
});
