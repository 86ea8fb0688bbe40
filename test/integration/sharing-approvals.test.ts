import { randomBytes } from 'node:crypto';
import { createFreeTextCipher } from '../../src/domain/patients/free-text-cipher.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApprovalRepository } from '../../src/domain/approvals/approval-repository.js';
import { createApprovalService } from '../../src/domain/approvals/approval-service.js';
import { createDocumentRepository } from '../../src/domain/sharing/document-repository.js';
import { resolveSharingSettings } from '../../src/domain/sharing/sharing-settings.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { isDomainError } from '../../src/shared/errors.js';
import { HOUR, sharingFixture, shareReport, type SharingFixture } from '../helpers/sharing-fixture.js';

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe('approval-gated access to a report (single step)', () => {
  let f: SharingFixture;
  let docId: string;
  beforeEach(async () => {
    f = sharingFixture();
    docId = (await shareReport(f)).id;
  });
  afterEach(() => f.cleanup());

  it('When the attending approves, then the requester holds a 72 h grant for that document only, which then lapses', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'continuing_care' });
    expect(req).toMatchObject({ created: true, step: 'attending', stepIndex: 0, approverIds: ['dr-chan'], caseId: 'case-1' });
    expect((await f.grants.activeGrantFor('dr-wong', docId, 'case-1')).hasGrant).toBe(false);

    f.clock.advance(5 * 60_000);
    const approvedAt = f.clock.now();
    const out = await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 });
    expect(out.status).toBe('approved');
    expect(out.requesterId).toBe('dr-wong');
    expect(out.grant?.expiresAt).toBe(approvedAt + 72 * HOUR);

    expect(await f.grants.activeGrantFor('dr-wong', docId, 'case-1')).toEqual({ hasGrant: true, hasBreakGlass: false, hasConsult: false, expiresAt: approvedAt + 72 * HOUR });
    const other = (await shareReport(f)).id;
    expect((await f.grants.activeGrantFor('dr-wong', other, 'case-1')).hasGrant).toBe(false);
    expect((await f.grants.activeGrantFor('dr-lam', docId, 'case-1')).hasGrant).toBe(false);

    f.clock.advance(72 * HOUR - 1);
    expect((await f.grants.activeGrantFor('dr-wong', docId, 'case-1')).hasGrant).toBe(true);
    f.clock.advance(1);
    expect((await f.grants.activeGrantFor('dr-wong', docId, 'case-1')).hasGrant).toBe(false);

    expect(await f.grants.sweepExpired()).toBe(1);
    expect(await f.grants.sweepExpired()).toBe(0);
    expect(f.audited(AUDIT_ACTIONS.grantExpired)).toMatchObject([{ actor: 'dr-wong', target: docId, reason: 'approval' }]);
    expect(f.audited(AUDIT_ACTIONS.accessRequested)).toMatchObject([{ actor: 'dr-wong', target: req.requestId, reason: 'continuing_care', outcome: 'success' }]);
    expect(f.audited(AUDIT_ACTIONS.accessApproved)).toMatchObject([{ actor: 'dr-chan', outcome: 'success', reason: 'attending' }]);
    expect(f.audited(AUDIT_ACTIONS.grantCreated)).toHaveLength(1);
  });

  it('When the attending denies, then the request is denied, no grant exists and the note stays out of the audit', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'second_opinion' });
    const out = await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'deny', reason: 'patient declined sharing', cardStep: 0 });
    expect(out).toMatchObject({ status: 'denied', requesterId: 'dr-wong' });
    expect(out.grant).toBeUndefined();
    expect(await f.grantRepo.findByRequest(req.requestId)).toBeUndefined();
    expect((await f.approvals.get(req.requestId)).steps).toMatchObject([{ decision: 'deny', note: 'patient declined sharing' }]);
    expect(f.audited(AUDIT_ACTIONS.accessDeniedByApprover)).toMatchObject([{ actor: 'dr-chan', outcome: 'success' }]);
    expect(JSON.stringify(f.audit.entries)).not.toContain('declined');
  });

  it('When 24 h pass undecided, then a decision gets approval.expired and the sweep reports it once', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    f.clock.advance(24 * HOUR - 1);
    expect(await f.approvals.expireDue()).toEqual([]);
    f.clock.advance(1);
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 }))).toBe('approval.expired');
    // The press itself recorded the lapse, so the sweep finds nothing more.
    expect((await f.approvals.get(req.requestId)).status).toBe('expired');
    expect(await f.approvals.expireDue()).toEqual([]);
    expect(f.audited(AUDIT_ACTIONS.accessRequestExpired)).toHaveLength(1);
    expect(await f.grantRepo.findByRequest(req.requestId)).toBeUndefined();
  });

  it('When the sweep runs first, then it returns the lapsed requests for the requesters to be told', async () => {
    const a = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    f.clock.advance(HOUR);
    const b = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-lam', reasonCode: 'referral' });
    f.clock.advance(23 * HOUR);
    expect(await f.approvals.expireDue()).toEqual([{ requestId: a.requestId, requesterId: 'dr-wong', documentId: docId }]);
    f.clock.advance(HOUR);
    expect((await f.approvals.expireDue()).map((r) => r.requestId)).toEqual([b.requestId]);
    expect(await codeOf(() => f.approvals.decide({ requestId: a.requestId, deciderId: 'dr-chan', decision: 'deny' }))).toBe('approval.expired');
  });

  it('When the same doctor asks twice, then the pending request is returned, not duplicated; after it lapses a new one is made', async () => {
    const first = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    const again = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'emergency' });
    expect(again).toMatchObject({ requestId: first.requestId, created: false });
    expect(f.audited(AUDIT_ACTIONS.accessRequested)).toHaveLength(1);
    f.clock.advance(24 * HOUR);
    const later = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    expect(later.created).toBe(true);
    expect(later.requestId).not.toBe(first.requestId);
    expect((await f.approvals.get(first.requestId)).status).toBe('expired');
  });

  it('When the card is pressed twice, then the second press is already_decided and changes nothing', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 });
    const grantsBefore = f.handle.sqlite.prepare('select count(*) as n from grants').get();
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 }))).toBe('approval.already_decided');
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'deny', cardStep: 0 }))).toBe('approval.already_decided');
    expect(f.handle.sqlite.prepare('select count(*) as n from grants').get()).toEqual(grantsBefore);
    expect(await f.approvals.get(req.requestId)).toMatchObject({ status: 'approved', steps: [{ decision: 'approve' }] });
  });

  it('When someone who is not an approver presses, then access.denied and the request stays pending', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-lam', decision: 'approve', cardStep: 0 }))).toBe('access.denied');
    expect(f.audited(AUDIT_ACTIONS.accessApproved)).toMatchObject([{ actor: 'dr-lam', outcome: 'denied', reason: 'not_an_approver' }]);
    // The requester may be an attending too, but never approves their own request.
    f.approvers.attending.push('dr-wong');
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-wong', decision: 'approve' }))).toBe('access.denied');
    expect(await f.approvals.get(req.requestId)).toMatchObject({ status: 'pending', stepIndex: 0, steps: [] });
  });

  it('When the request names an unknown reason or a missing document, then it is refused', async () => {
    expect(await codeOf(() => f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'curiosity' }))).toBe('request.invalid');
    expect(await codeOf(() => f.approvals.requestAccess({ documentId: 'nope', requesterId: 'dr-wong', reasonCode: 'referral' }))).toBe('document.not_found');
    expect(await codeOf(() => f.approvals.decide({ requestId: 'nope', deciderId: 'dr-chan', decision: 'approve' }))).toBe('not_found');
  });
});

describe('two-step chain: attending, then privacy officer', () => {
  let f: SharingFixture;
  let docId: string;
  beforeEach(async () => {
    f = sharingFixture({ settings: { approverChain: ['attending', 'privacy_officer'] } });
    docId = (await shareReport(f)).id;
  });
  afterEach(() => f.cleanup());

  it('When both approve in turn, then the grant is made only after the second step', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'medication_review' });
    const first = await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 });
    expect(first).toMatchObject({ status: 'pending', next: { step: 'privacy_officer', stepIndex: 1, approverIds: ['po-lee'] } });
    expect(first.grant).toBeUndefined();
    expect((await f.grants.activeGrantFor('dr-wong', docId, 'case-1')).hasGrant).toBe(false);

    const second = await f.approvals.decide({ requestId: req.requestId, deciderId: 'po-lee', decision: 'approve', cardStep: 1 });
    expect(second.status).toBe('approved');
    expect((await f.grants.activeGrantFor('dr-wong', docId, 'case-1')).hasGrant).toBe(true);
    expect(f.audited(AUDIT_ACTIONS.accessApproved).map((e) => e.reason)).toEqual(['attending', 'privacy_officer']);
  });

  it('When a privacy officer presses the attending card after it moved on, then conflict and nothing changes', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    f.approvers.attending.push('dr-ho');
    await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 });
    // Dr Ho had the same step-0 card and presses it late.
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-ho', decision: 'deny', cardStep: 0 }))).toBe('conflict');
    // The attending's own second press of the step-0 card is a double press.
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 }))).toBe('approval.already_decided');
    expect(await f.approvals.get(req.requestId)).toMatchObject({ status: 'pending', stepIndex: 1, step: 'privacy_officer' });
    expect(f.audited(AUDIT_ACTIONS.accessDeniedByApprover)).toMatchObject([{ actor: 'dr-ho', outcome: 'denied', reason: 'stale_card' }]);
  });

  it('When one person is both attending and privacy officer, then they cannot approve both steps', async () => {
    f.approvers.privacy_officer.push('dr-chan');
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    const first = await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 });
    expect(first.next?.approverIds).toEqual(['po-lee']);
    expect(await codeOf(() => f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 1 }))).toBe('access.denied');
    expect((await f.approvals.get(req.requestId)).status).toBe('pending');
  });

  it('When the privacy officer denies, then the request is denied with no grant', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    await f.approvals.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve', cardStep: 0 });
    expect((await f.approvals.decide({ requestId: req.requestId, deciderId: 'po-lee', decision: 'deny', cardStep: 1 })).status).toBe('denied');
    expect(await f.grantRepo.findByRequest(req.requestId)).toBeUndefined();
  });

  it('When the chain is shortened after a request was made, then that request still needs both steps', async () => {
    const req = await f.approvals.requestAccess({ documentId: docId, requesterId: 'dr-wong', reasonCode: 'referral' });
    const restarted = createApprovalService({
      transaction: f.handle.store.transaction,
      repo: createApprovalRepository(f.handle.db, f.handle.store, createFreeTextCipher(randomBytes(32))),
      documents: createDocumentRepository(f.handle.db, f.handle.store),
      grants: f.grants,
      audit: f.audit,
      clock: f.clock,
      settings: resolveSharingSettings({ approverChain: ['attending'] }),
      approversFor: async (step) => f.approvers[step],
      missingDespiteGrant: async () => [],
    });
    expect((await restarted.decide({ requestId: req.requestId, deciderId: 'dr-chan', decision: 'approve' })).status).toBe('pending');
    expect((await restarted.decide({ requestId: req.requestId, deciderId: 'po-lee', decision: 'approve' })).status).toBe('approved');
  });
});
