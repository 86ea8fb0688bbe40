import { expect, it } from 'vitest';
import { createPgDocumentRepository } from '../../../src/domain/sharing/document-repository-pg.js';
import { createDocumentRepository } from '../../../src/domain/sharing/document-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'document repository contract',
  (s) => (s.kind === 'sqlite' ? createDocumentRepository(s.sqlite.db, s.sqlite.store) : createPgDocumentRepository(s.pg)),
  (get) => {
    const doc = (id: string, createdAt: number, over: Partial<{ caseId: string; kind: 'report' | 'ephemeral' }> = {}) => ({
      id,
      caseId: 'case-1',
      authorId: 'author',
      kind: 'report' as const,
      mediaType: 'application/pdf',
      size: 3_000_000_000,
      createdAt,
      ...over,
    });

    it('inserts once, lists by case in time order, destroys once; sizes past 2 GB survive', async () => {
      const { repo } = get();
      expect(await repo.insert(doc('d2', 2000))).toBe(true);
      expect(await repo.insert(doc('d1', 1000))).toBe(true);
      expect(await repo.insert(doc('d1', 1000))).toBe(false);
      expect((await repo.listByCase('case-1')).map((d) => d.id)).toEqual(['d1', 'd2']);
      expect(await repo.find('d1')).toMatchObject({ size: 3_000_000_000, status: 'active', cardOutTrackId: null });
      expect(await repo.setCardOutTrackId('d1', 'card-1')).toBe(true);
      expect(await repo.setCardOutTrackId('none', 'card-1')).toBe(false);
      expect([await repo.markDestroyed('d2'), await repo.markDestroyed('d2')]).toEqual([true, false]);
    });

    it('receipts: the first delivery time is kept; views count, first open kept, last view never moves back', async () => {
      const { repo } = get();
      await repo.insert(doc('r1', 100, { caseId: 'case-r' }));
      await repo.upsertNotified('r1', 'c1', 110);
      await repo.upsertNotified('r1', 'c1', 120);
      expect(await repo.upsertViewed('r1', 'c1', 300)).toEqual({ documentId: 'r1', clinicianId: 'c1', notifiedAt: 110, firstOpenedAt: 300, lastViewedAt: 300, viewCount: 1 });
      expect(await repo.upsertViewed('r1', 'c1', 250)).toMatchObject({ firstOpenedAt: 300, lastViewedAt: 300, viewCount: 2 });
      await Promise.all([repo.upsertViewed('r1', 'c1', 400), repo.upsertViewed('r1', 'c1', 500)]);
      expect(await repo.receiptsForCase('case-r')).toEqual([{ documentId: 'r1', clinicianId: 'c1', notifiedAt: 110, firstOpenedAt: 300, lastViewedAt: 500, viewCount: 4 }]);
    });

    it("share → first view: the first open by anyone but the author, null when nobody opened yet", async () => {
      const { repo } = get();
      await repo.insert(doc('f1', 10_000, { caseId: 'case-f' }));
      await repo.insert(doc('f2', 10_001, { caseId: 'case-f' }));
      await repo.insert(doc('f3', 10_002, { caseId: 'case-f', kind: 'ephemeral' }));
      await repo.upsertViewed('f1', 'author', 10_010);
      await repo.upsertViewed('f1', 'c2', 10_050);
      await repo.upsertViewed('f1', 'c3', 10_020);
      const rows = await repo.firstViewsOfShared(10_000, 11_000);
      expect([...rows].sort((a, b) => a.sharedAt - b.sharedAt)).toEqual([
        { documentId: 'f1', sharedAt: 10_000, firstViewAt: 10_020 },
        { documentId: 'f2', sharedAt: 10_001, firstViewAt: null },
      ]);
    });
  },
);
