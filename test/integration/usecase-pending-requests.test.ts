import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oldestPendingRequest, type PendingRequestDeps } from '../../src/usecases/access/pending-requests.js';
import { caseSharingWorld, type CaseSharingWorld } from './case-sharing-world.js';

describe('use case: the oldest pending access request on a case that the decider may decide', () => {
  let w: CaseSharingWorld;
  let deps: PendingRequestDeps;
  beforeEach(() => {
    w = caseSharingWorld();
    deps = { documents: w.documents, approvals: w.approvals, directory: w.directory };
  });
  afterEach(() => w.cleanup());

  it('When two doctors asked, then the attending gets the oldest, or the one named; others and other cases get none', async () => {
    const chan = w.clinician('chan');
    const wong = w.clinician('wong');
    const lam = w.clinician('lam');
    const code = await w.openCase(chan, 'cid-main');
    const c = await w.module.queries.findCase(code);
    const otherCase = await w.module.queries.findCase(await w.openCase(chan, 'cid-other', 'B123456(6)'));
    const doc = await w.shareReport(c.id, chan.id);
    const first = await w.approvals.requestAccess({ documentId: doc.id, requesterId: wong.id, reasonCode: 'continuing_care' });
    w.clock.advance(60_000);
    const second = await w.approvals.requestAccess({ documentId: doc.id, requesterId: lam.id, reasonCode: 'referral' });

    expect((await oldestPendingRequest(deps, chan.id, c.id)).id).toBe(first.requestId);
    expect((await oldestPendingRequest(deps, chan.id, c.id, ['lam']))).toMatchObject({ id: second.requestId, requesterId: lam.id, status: 'pending' });
    // Someone who is not this step's approver, a requester not in the directory, another case: none pending.
    await expect(oldestPendingRequest(deps, wong.id, c.id)).rejects.toMatchObject({ code: 'approval.none_pending' });
    await expect(oldestPendingRequest(deps, chan.id, c.id, ['nobody'])).rejects.toMatchObject({ code: 'approval.none_pending' });
    await expect(oldestPendingRequest(deps, chan.id, otherCase.id)).rejects.toMatchObject({ code: 'approval.none_pending' });
  });

  it('When the request is decided, then it is no longer pending', async () => {
    const chan = w.clinician('chan');
    const wong = w.clinician('wong');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    const doc = await w.shareReport(c.id, chan.id);
    const req = await w.approvals.requestAccess({ documentId: doc.id, requesterId: wong.id, reasonCode: 'continuing_care' });
    await w.approvals.decide({ requestId: req.requestId, deciderId: chan.id, decision: 'deny' });
    await expect(oldestPendingRequest(deps, chan.id, c.id)).rejects.toMatchObject({ code: 'approval.none_pending' });
  });
});
