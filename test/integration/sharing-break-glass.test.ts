import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { BREAK_GLASS_ACTION } from '../../src/domain/grants/break-glass.js';
import { DomainError } from '../../src/shared/errors.js';
import { HOUR, sharingFixture, shareReport, type SharingFixture } from '../helpers/sharing-fixture.js';

const REASON = 'patient unconscious, need allergy history';

describe('break-glass', () => {
  let f: SharingFixture;
  beforeEach(async () => {
    f = sharingFixture();
  });
  afterEach(() => f.cleanup());

  it('When the reason is shorter than 10 characters, then request.invalid and no grant', async () => {
    await expect(f.breakGlass.breakGlass({ caseId: 'case-9', clinicianId: 'dr-ng', reason: '  urgent!  ' })).rejects.toMatchObject({ code: 'request.invalid' });
    expect(await f.breakGlass.pendingReviews()).toEqual([]);
    expect(f.audit.entries).toEqual([]);
  });

  it('When the policy says no, then access.denied, audited with the policy ids and not the reason', async () => {
    const asked: string[][] = [];
    f.policy.decide = (c, a, k) => {
      asked.push([c, a, k]);
      return { allowed: false, policies: ['not_verified'] };
    };
    const err = await f.breakGlass.breakGlass({ caseId: 'case-9', clinicianId: 'dr-ng', reason: REASON }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('access.denied');
    expect(asked).toEqual([['dr-ng', BREAK_GLASS_ACTION, 'case-9']]);
    expect(f.audited(AUDIT_ACTIONS.breakglassGranted)).toMatchObject([{ actor: 'dr-ng', outcome: 'denied', reason: 'not_verified' }]);
    expect((await f.grants.activeGrantFor('dr-ng', 'any-doc', 'case-9')).hasBreakGlass).toBe(false);
  });

  it('When allowed, then the whole case is open for 4 h, attendings and privacy officers are named, and a review waits', async () => {
    const docId = (await shareReport(f, 'case-9')).id;
    const start = f.clock.now();
    const out = await f.breakGlass.breakGlass({ caseId: 'case-9', clinicianId: 'dr-ng', reason: REASON });
    expect(out).toMatchObject({ expiresAt: start + 4 * HOUR, notify: { attendingIds: ['dr-chan'], privacyOfficerIds: ['po-lee'] } });
    expect(await f.grants.activeGrantFor('dr-ng', docId, 'case-9')).toEqual({ hasGrant: false, hasBreakGlass: true, hasConsult: false, expiresAt: start + 4 * HOUR });
    expect((await f.grants.activeGrantFor('dr-ng', 'doc-not-yet-shared', 'case-9')).hasBreakGlass).toBe(true);
    expect((await f.grants.activeGrantFor('dr-ng', docId, 'case-other')).hasBreakGlass).toBe(false);

    const [review] = await f.breakGlass.pendingReviews();
    expect(review).toMatchObject({ id: out.reviewId, grantId: out.grantId, clinicianId: 'dr-ng', reason: REASON, status: 'pending' });
    // The justification is clinical text: kept for the reviewer, never in the audit.
    expect(f.audited(AUDIT_ACTIONS.breakglassGranted)).toMatchObject([{ actor: 'dr-ng', target: 'case-9', outcome: 'success', reason: 'break_glass' }]);
    expect(JSON.stringify(f.audit.entries)).not.toContain('unconscious');

    f.clock.advance(4 * HOUR);
    expect((await f.grants.activeGrantFor('dr-ng', docId, 'case-9')).hasBreakGlass).toBe(false);
    expect(await f.grants.sweepExpired()).toBe(1);
    expect(f.audited(AUDIT_ACTIONS.grantExpired)).toMatchObject([{ actor: 'dr-ng', target: 'case-9', reason: 'break_glass' }]);
  });

  it('When a privacy officer reviews, then the review closes once; others and the clinician cannot review', async () => {
    f.approvers.privacy_officer.push('dr-ng');
    const out = await f.breakGlass.breakGlass({ caseId: 'case-9', clinicianId: 'dr-ng', reason: REASON });
    expect(out.notify.attendingIds).toEqual(['dr-chan']);
    await expect(f.breakGlass.reviewBreakGlass(out.reviewId, 'dr-ng', 'approve')).rejects.toThrow(expect.objectContaining({ code: 'access.denied' }));
    await expect(f.breakGlass.reviewBreakGlass(out.reviewId, 'dr-chan', 'approve')).rejects.toThrow(expect.objectContaining({ code: 'access.denied' }));

    f.clock.advance(HOUR);
    const closed = await f.breakGlass.reviewBreakGlass(out.reviewId, 'po-lee', 'flag', 'no emergency on the chart');
    expect(closed).toMatchObject({ status: 'flagged', reviewerId: 'po-lee', note: 'no emergency on the chart', reviewedAt: f.clock.now() });
    expect(await f.breakGlass.pendingReviews()).toEqual([]);
    await expect(f.breakGlass.reviewBreakGlass(out.reviewId, 'po-lee', 'approve')).rejects.toThrow(expect.objectContaining({ code: 'approval.already_decided' }));
    expect(f.audited(AUDIT_ACTIONS.breakglassReviewed).map((e) => [e.actor, e.outcome, e.reason])).toEqual([
      ['dr-ng', 'denied', 'not_a_reviewer'],
      ['dr-chan', 'denied', 'not_a_reviewer'],
      ['po-lee', 'success', 'flagged'],
    ]);
    expect(JSON.stringify(f.audit.entries)).not.toContain('chart');
  });

  it('When a grant is revoked, then it stops counting at once', async () => {
    const out = await f.breakGlass.breakGlass({ caseId: 'case-9', clinicianId: 'dr-ng', reason: REASON });
    await f.grants.revoke(out.grantId, 'po-lee');
    expect((await f.grants.activeGrantFor('dr-ng', 'd', 'case-9')).hasBreakGlass).toBe(false);
    await expect(f.grants.revoke(out.grantId, 'po-lee')).rejects.toThrow(expect.objectContaining({ code: 'conflict' }));
    f.clock.advance(5 * HOUR);
    expect(await f.grants.sweepExpired()).toBe(0);
  });
});
