import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharingFixture, shareReport, type SharingFixture } from '../helpers/sharing-fixture.js';

/** The approval state machine with the "would a grant even work?" port: a useless approval changes nothing. */
describe('approval service: approving what the policy would still refuse', () => {
  let f: SharingFixture;
  beforeEach(async () => {
    f = sharingFixture({ settings: { approverChain: ['attending', 'privacy_officer'] } });
  });
  afterEach(() => f.cleanup());

  it('When a condition an approval cannot supply is missing, then approve throws approval.would_not_open naming it, at any step; nothing moves; deny still works', async () => {
    const doc = await shareReport(f);
    const req = await f.approvals.requestAccess({ documentId: doc.id, requesterId: 'dr-wong', reasonCode: 'referral' });
    f.blockers.push('sharing_consent', 'restricted_consent');
    await expect(f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve' })).rejects.toThrow(
      expect.objectContaining({ code: 'approval.would_not_open', details: { missing: ['sharing_consent', 'restricted_consent'] } }),
    );
    expect(await f.approvals.get(req.requestId)).toMatchObject({ status: 'pending', stepIndex: 0, steps: [] });
    expect(await f.grantRepo.findByRequest(req.requestId)).toBeUndefined();
    expect(f.audited('access.approved')).toEqual([expect.objectContaining({ outcome: 'denied', reason: 'would_not_open:sharing_consent,restricted_consent' })]);

    // Once consent is recorded the same approval goes through both steps.
    f.blockers.length = 0;
    await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve' });
    expect((await f.approvals.decide({ requestId: req.requestId, deciderId: 'po-lee', decision: 'approve' })).status).toBe('approved');
  });

  it('When the approver denies, then the missing conditions are not asked about', async () => {
    const doc = await shareReport(f);
    const req = await f.approvals.requestAccess({ documentId: doc.id, requesterId: 'dr-wong', reasonCode: 'referral' });
    f.blockers.push('sharing_consent');
    expect((await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'deny' })).status).toBe('denied');
  });
});
