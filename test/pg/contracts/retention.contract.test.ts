import { expect, it } from 'vitest';
import { createPgBurnRepository } from '../../../src/domain/burn/burn-repository-pg.js';
import { createBurnRepository } from '../../../src/domain/burn/burn-repository.js';
import { createPgRetentionRepository } from '../../../src/domain/retention/retention-repository-pg.js';
import { createRetentionRepository } from '../../../src/domain/retention/retention-repository.js';
import { createPgDocumentRepository } from '../../../src/domain/sharing/document-repository-pg.js';
import { createDocumentRepository } from '../../../src/domain/sharing/document-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

describeOnBothStores(
  'retention repository contract',
  (s) => ({
    store: s,
    ...(s.kind === 'sqlite'
      ? {
          retention: createRetentionRepository(s.sqlite.db, s.sqlite.store),
          burn: createBurnRepository(s.sqlite.sqlite, s.sqlite.store),
          documents: createDocumentRepository(s.sqlite.db, s.sqlite.store),
        }
      : { retention: createPgRetentionRepository(s.pg), burn: createPgBurnRepository(s.pg), documents: createPgDocumentRepository(s.pg) }),
  }),
  (get) => {
    it('processed messages: only finished ones received before the cutoff', async () => {
      const { store, retention } = get().repo;
      for (const [id, state, at] of [['m1', 'done', 10], ['m2', 'done', 20], ['m3', 'pending', 5], ['m4', 'done', 30]] as const)
        await rawSql(store, `insert into processed_messages (msg_id, topic, state, received_at) values ('${id}', 'bot', '${state}', ${at})`);
      expect(await retention.countProcessedMessages(30)).toBe(2);
      expect(await retention.purgeProcessedMessages(30, 1)).toBe(1); // a batch: at most its limit
      expect(await retention.countProcessedMessages(30)).toBe(1);
      expect(await retention.purgeProcessedMessages(30)).toBe(1);
      expect(await retention.countProcessedMessages(30)).toBe(0);
      expect((await rawSql<{ msg_id: string }>(store, 'select msg_id from processed_messages order by msg_id')).map((r) => r.msg_id)).toEqual(['m3', 'm4']);
    });

    it('outbox: only sent messages last touched before the cutoff', async () => {
      const { store, retention } = get().repo;
      for (const [key, status, at] of [['o1', 'sent', 10], ['o2', 'pending', 10], ['o3', 'sent', 50], ['o4', 'sent', 20]] as const)
        await rawSql(store, `insert into outbox_messages (idem_key, kind, payload, status, next_attempt_at, created_at, updated_at) values ('${key}', 'k', '{}', '${status}', 0, ${at}, ${at})`);
      expect(await retention.countOutboxSent(50)).toBe(2);
      expect(await retention.purgeOutboxSent(50, 1)).toBe(1); // a batch: at most its limit
      expect(await retention.purgeOutboxSent(50)).toBe(1);
      expect((await rawSql<{ idem_key: string }>(store, 'select idem_key from outbox_messages order by idem_key')).map((r) => r.idem_key)).toEqual(['o2', 'o3']);
    });

    it('burn metadata: destroyed items before the cutoff go with their recipients and cards', async () => {
      const { retention, burn } = get().repo;
      const item = (id: string) => ({ id, caseId: 'c', authorId: 'a', kind: 'text' as const, burnAfterMs: 1, createdAt: 1, expiresAt: 100, dueAt: 50, mediaType: null });
      for (const id of ['b1', 'b2', 'b3']) await burn.insert(item(id), ['r1', 'r2'], [{ outTrackId: `card-${id}`, itemId: id, conversationId: null, userId: 'u' }]);
      await burn.markDestroyed('b1', 100, 'all_burned');
      await burn.markDestroyed('b2', 300, 'max_lifetime');
      expect(await retention.countBurnMetadata(200)).toBe(1);
      expect(await retention.purgeBurnMetadata(200, 10)).toBe(1);
      expect(await burn.find('b1')).toBeUndefined();
      expect(await burn.recipients('b1')).toEqual([]);
      expect(await burn.cards('b1')).toEqual([]);
      expect(await burn.recipients('b2')).toHaveLength(2);
      expect(await burn.cards('b3')).toHaveLength(1);
    });

    it('expired documents by the author institution scope, oldest first; destroyed ones are not counted', async () => {
      const { retention, documents } = get().repo;
      const doc = (id: string, createdAt: number, authorInstitutionId: string | null) => ({
        id, caseId: 'c', authorId: 'a', authorInstitutionId, kind: 'report' as const, mediaType: 'application/pdf', size: 1, createdAt,
      });
      await documents.insert(doc('x3', 30, 'qmh'));
      await documents.insert(doc('x1', 10, 'hksh'));
      await documents.insert(doc('x2', 20, null));
      await documents.insert(doc('x4', 40, 'qmh'));
      await documents.insert(doc('x0', 5, 'qmh'));
      await documents.markDestroyed('x0');
      const ids = async (scope: Parameters<typeof retention.expiredDocuments>[1], limit = 10, after?: { createdAt: number; id: string }) =>
        (await retention.expiredDocuments(40, scope, { limit, after })).map((r) => r.id);
      expect(await ids('all')).toEqual(['x1', 'x2', 'x3']);
      expect(await retention.countExpiredDocuments(40, 'all')).toBe(3);
      expect(await ids({ institutionIds: ['qmh'] })).toEqual(['x3']);
      expect(await ids({ institutionIds: [] })).toEqual([]);
      expect(await ids({ otherThan: ['qmh'] })).toEqual(['x1', 'x2']);
      expect(await retention.countExpiredDocuments(40, { otherThan: [] })).toBe(3);
      // One page at a time, by (createdAt, id): a batch never holds more than its limit.
      expect(await ids('all', 2)).toEqual(['x1', 'x2']);
      expect(await ids('all', 2, { createdAt: 20, id: 'x2' })).toEqual(['x3']);
      await documents.insert(doc('x2b', 20, null));
      expect(await ids('all', 2, { createdAt: 20, id: 'x2' })).toEqual(['x2b', 'x3']);
    });
  },
);
