import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { sharingFixture, shareReport, type SharingFixture } from '../helpers/sharing-fixture.js';

describe('documents and receipts', () => {
  let f: SharingFixture;
  beforeEach(async () => {
    f = sharingFixture();
  });
  afterEach(() => f.cleanup());

  it('When a document is registered, then its metadata is stored active and the share is audited', async () => {
    const doc = await f.sharing.registerDocument({ id: 'vault-doc-1', caseId: 'case-1', authorId: 'dr-chan', kind: 'ephemeral', mediaType: 'image/png', size: 10, restrictedCategory: 'mental_health' });
    expect(doc).toMatchObject({ id: 'vault-doc-1', status: 'active', createdAt: f.clock.now(), cardOutTrackId: null, restrictedCategory: 'mental_health' });
    await expect(f.sharing.registerDocument({ id: 'vault-doc-1', caseId: 'case-1', authorId: 'dr-chan', kind: 'report', mediaType: 'application/pdf', size: 1 })).rejects.toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    await f.sharing.setCardOutTrackId('vault-doc-1', 'track-1');
    expect((await f.sharing.requireDocument('vault-doc-1')).cardOutTrackId).toBe('track-1');
    expect(await f.sharing.markDestroyed('vault-doc-1')).toBe(true);
    expect(await f.sharing.markDestroyed('vault-doc-1')).toBe(false);
    expect((await f.sharing.requireDocument('vault-doc-1')).status).toBe('destroyed');
    expect(f.audited(AUDIT_ACTIONS.documentShared)).toMatchObject([{ actor: 'dr-chan', target: 'vault-doc-1', reason: 'ephemeral' }]);
    expect(f.audited(AUDIT_ACTIONS.documentDestroyed)).toHaveLength(1);
  });

  it('When some recipients open and others do not, then receipts list opened-by and not-yet-opened per document', async () => {
    const report = await shareReport(f);
    const t0 = f.clock.now();
    await f.receipts.markNotified(report.id, ['dr-wong', 'dr-lam']);
    f.clock.advance(19 * 60_000);
    await f.receipts.markViewed(report.id, 'dr-wong');
    f.clock.advance(60_000);
    await f.receipts.markNotified(report.id, ['dr-wong']); // a re-sent card does not move the delivery time
    await f.receipts.markViewed(report.id, 'dr-wong');
    f.clock.advance(60_000);
    const second = await shareReport(f);
    await f.receipts.markViewed(second.id, 'dr-lam');
    await shareReport(f, 'case-2');

    const out = await f.receipts.receiptsForCase('case-1', ['dr-chan', 'dr-wong', 'dr-lam']);
    expect(out.map((d) => d.documentId)).toEqual([report.id, second.id]);
    expect(out[0]).toMatchObject({
      openedBy: [{ clinicianId: 'dr-wong', firstOpenedAt: t0 + 19 * 60_000, lastViewedAt: t0 + 20 * 60_000, viewCount: 2 }],
      notOpened: [{ clinicianId: 'dr-lam', notifiedAt: t0 }],
    });
    expect(out[1]).toMatchObject({ openedBy: [{ clinicianId: 'dr-lam', viewCount: 1 }], notOpened: [{ clinicianId: 'dr-wong', notifiedAt: null }] });
    expect(f.audited(AUDIT_ACTIONS.documentViewed).map((e) => e.actor)).toEqual(['dr-wong', 'dr-wong', 'dr-lam']);
  });

  it('When recipients differ per document, then a function chooses them and non-recipients who opened still show', async () => {
    const report = await shareReport(f);
    await f.receipts.markViewed(report.id, 'dr-granted');
    const out = await f.receipts.receiptsForCase('case-1', (doc) => (doc.id === report.id ? ['dr-wong'] : []));
    expect(out[0]!.openedBy.map((o) => o.clinicianId)).toEqual(['dr-granted']);
    expect(out[0]!.notOpened.map((o) => o.clinicianId)).toEqual(['dr-wong']);
    await expect(f.receipts.markViewed('missing', 'dr-wong')).rejects.toThrow(expect.objectContaining({ code: 'document.not_found' }));
  });
});
