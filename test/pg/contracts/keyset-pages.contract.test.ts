import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgAlertRepository } from '../../../src/domain/alerts/alert-repository-pg.js';
import { createAlertRepository } from '../../../src/domain/alerts/alert-repository.js';
import { createPgApprovalRepository } from '../../../src/domain/approvals/approval-repository-pg.js';
import { createApprovalRepository } from '../../../src/domain/approvals/approval-repository.js';
import { createPgBurnRepository } from '../../../src/domain/burn/burn-repository-pg.js';
import { createBurnRepository } from '../../../src/domain/burn/burn-repository.js';
import { createPgEscalationRepository } from '../../../src/domain/escalation/escalation-repository-pg.js';
import { createEscalationRepository } from '../../../src/domain/escalation/escalation-repository.js';
import { createPgDoctorInboxRepository } from '../../../src/domain/inbox-view/doctor-inbox-repository-pg.js';
import { createDoctorInboxRepository } from '../../../src/domain/inbox-view/doctor-inbox-repository.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgDocumentRepository } from '../../../src/domain/sharing/document-repository-pg.js';
import { createDocumentRepository } from '../../../src/domain/sharing/document-repository.js';
import { createPgDocumentTitles } from '../../../src/domain/sharing/document-titles-pg.js';
import { createDocumentTitles } from '../../../src/domain/sharing/document-titles.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { seedFor } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));

/** Issue 15: the keyset pages of the mini-app's lists (newest first, ties broken by id) read alike on both stores. */
describeOnBothStores(
  'keyset pages of the doctor lists contract',
  (s) => ({
    seed: seedFor(s),
    ...(s.kind === 'sqlite'
      ? {
          inbox: createDoctorInboxRepository(s.sqlite.db, s.sqlite.store),
          alerts: createAlertRepository(s.sqlite.db, s.sqlite.store),
          approvals: createApprovalRepository(s.sqlite.db, s.sqlite.store, texts),
          burn: createBurnRepository(s.sqlite.sqlite, s.sqlite.store),
          escalations: createEscalationRepository(s.sqlite.db, s.sqlite.store),
          documents: createDocumentRepository(s.sqlite.db, s.sqlite.store),
          titles: createDocumentTitles(s.sqlite.db, s.sqlite.store, texts),
        }
      : {
          inbox: createPgDoctorInboxRepository(s.pg),
          alerts: createPgAlertRepository(s.pg),
          approvals: createPgApprovalRepository(s.pg, texts),
          burn: createPgBurnRepository(s.pg),
          escalations: createPgEscalationRepository(s.pg),
          documents: createPgDocumentRepository(s.pg),
          titles: createPgDocumentTitles(s.pg, texts),
        }),
  }),
  (get) => {
    it("a case's documents: pages newest first past (time, id), the count, the page's receipts and titles only", async () => {
      const { seed, documents, titles } = get().repo;
      await seed.openCase('kp', 'u-lead');
      await seed.openCase('kq', 'u-lead');
      for (const [id, at] of [['d1', 10], ['d2', 20], ['d3', 20], ['d4', 30]] as const) await documents.insert({ id, caseId: 'kp', authorId: 'a', kind: 'report', mediaType: 'application/pdf', size: 1, createdAt: at });
      await documents.insert({ id: 'dx', caseId: 'kq', authorId: 'a', kind: 'report', mediaType: 'application/pdf', size: 1, createdAt: 25 });
      expect((await documents.pageByCase('kp', { limit: 2 })).map((d) => d.id)).toEqual(['d4', 'd3']);
      expect((await documents.pageByCase('kp', { limit: 2, after: { at: 20, id: 'd3' } })).map((d) => d.id)).toEqual(['d2', 'd1']);
      expect((await documents.pageByCase('kp', { limit: 5, after: { at: 10, id: 'd1' } }))).toEqual([]);
      expect(await documents.countByCase('kp')).toBe(4);
      await documents.upsertViewed('d2', 'u1', 40);
      await documents.upsertViewed('d1', 'u2', 41);
      expect((await documents.receiptsOf(['d2', 'd3'])).map((r) => [r.documentId, r.clinicianId])).toEqual([['d2', 'u1']]);
      expect(await documents.receiptsOf([])).toEqual([]);
      await titles.set('d3', 'Echo');
      expect(await titles.ofDocuments(['d3', 'd4'])).toEqual(new Map([['d3', 'Echo'], ['d4', null]]));
    });

    it('inbox lists: a page past (time, id) for my requests, escalations, alerts; burn items that are an alert’s copy left out', async () => {
      const { seed, inbox, approvals, escalations, alerts, burn } = get().repo;
      const me = await seed.clinician('u-kp');
      await seed.openCase('kr', 'u-lead');
      for (const [id, at] of [['q1', 1], ['q2', 2], ['q3', 2]] as const) await approvals.insert({ id, documentId: `doc-${id}`, caseId: 'kr', requesterId: me, reasonCode: 'care', chain: [], createdAt: at, expiresAt: 9e12 });
      expect((await inbox.requestsBy(me, { limit: 2 })).map((r) => r.id)).toEqual(['q3', 'q2']);
      expect((await inbox.requestsBy(me, { limit: 2, after: { at: 2, id: 'q2' } })).map((r) => r.id)).toEqual(['q1']);

      for (const [id, at] of [['e1', 1], ['e2', 2], ['e3', 2]] as const) await escalations.insert({ itemId: id, recipientId: me, itemType: 'document', caseId: 'kr', status: 'active', nextAt: 1, createdAt: at });
      expect((await inbox.escalationsFor(me, { limit: 5, after: { at: 2, id: 'e3' } })).map((e) => e.itemId)).toEqual(['e2', 'e1']);

      const alert = (id: string, at: number, itemId: string | null) =>
        alerts.insert({ id, caseId: 'kr', raisedBy: 'x', status: 'sent', ehrPendingId: `e-${id}`, recipientIds: JSON.stringify([me]), createdAt: at, archiveAt: 9e12, ephemeralItemId: itemId });
      await alert('a1', 1, 'bk-alert');
      await alert('a2', 2, null);
      expect((await inbox.alertsFor(me, { limit: 1 })).map((a) => a.id)).toEqual(['a2']);
      expect((await inbox.alertsFor(me, { limit: 1, after: { at: 2, id: 'a2' } })).map((a) => a.id)).toEqual(['a1']);

      const item = (id: string, at: number) => ({ id, caseId: 'kr', authorId: 'a', kind: 'text' as const, burnAfterMs: 1, createdAt: at, expiresAt: 9e12, dueAt: 9e12, mediaType: null });
      await burn.insert(item('bk-alert', 3), [me], []);
      await burn.insert(item('bk-1', 1), [me], []);
      await burn.insert(item('bk-2', 2), [me], []);
      expect((await inbox.burnItemsFor(me, { limit: 5 })).map((b) => b.id)).toEqual(['bk-2', 'bk-1']);
      expect((await inbox.burnItemsFor(me, { limit: 5, after: { at: 2, id: 'bk-2' } })).map((b) => b.id)).toEqual(['bk-1']);
    });
  },
);
