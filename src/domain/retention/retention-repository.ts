import { and, asc, count, eq, gt, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { newerThan } from '../../db/keyset.js';
import { burnCards, burnItems, burnRecipients } from '../burn/burn-tables.js';
import { processedMessages } from '../inbox/inbox-tables.js';
import { outboxMessages } from '../outbox/outbox-tables.js';
import { documents } from '../sharing/sharing-tables.js';

/** Which shared documents a retention setting covers, by the author's institution id. */
export type DocumentScope = { institutionIds: string[] } | { otherThan: string[] } | 'all';

/** One page of expired documents: at most `limit`, strictly after `after` in (createdAt, id) order. */
export interface ExpiredPage {
  limit: number;
  after?: { createdAt: number; id: string };
}

/** Past `after` in (createdAt, id) order (either dialect's columns). */
export const afterKey = (c: { createdAt: Parameters<typeof gt>[0]; id: Parameters<typeof gt>[0] }, after: ExpiredPage['after']): SQL | undefined =>
  newerThan(c, after && { at: after.createdAt, id: after.id });

/**
 * The retention queries over tables that are plain rows (and the expiry query over shared documents,
 * whose keys and ciphertext the vault destroys). Every method answers with a Promise (`store.wrap`).
 */
export function createRetentionRepository(db: Db, store: SqliteStore) {
  const processedExpired = (cutoff: number) => and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done'));
  const outboxExpired = (cutoff: number) => and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.updatedAt, cutoff));
  const burnExpired = (cutoff: number) => and(eq(burnItems.status, 'destroyed'), lt(burnItems.destroyedAt, cutoff));
  const burnIds = (cutoff: number, limit: number) => db.select({ id: burnItems.id }).from(burnItems).where(burnExpired(cutoff)).limit(limit);
  const scopeOf = (scope: DocumentScope): SQL | undefined => {
    if (scope === 'all') return undefined;
    if ('institutionIds' in scope) return inArray(documents.authorInstitutionId, scope.institutionIds);
    return or(isNull(documents.authorInstitutionId), notInArray(documents.authorInstitutionId, scope.otherThan));
  };
  const documentsExpired = (cutoff: number, scope: DocumentScope) => and(eq(documents.status, 'active'), lt(documents.createdAt, cutoff), scopeOf(scope));

  return store.wrap({
    countProcessedMessages: (cutoff: number): number => db.select({ n: count() }).from(processedMessages).where(processedExpired(cutoff)).get()?.n ?? 0,
    /** At most `limit` rows when given (a batch); all of them otherwise. */
    purgeProcessedMessages: (cutoff: number, limit?: number): number => {
      if (limit === undefined) return db.delete(processedMessages).where(processedExpired(cutoff)).run().changes;
      const ids = db.select({ id: processedMessages.msgId }).from(processedMessages).where(processedExpired(cutoff)).limit(limit);
      return db.delete(processedMessages).where(inArray(processedMessages.msgId, ids)).run().changes;
    },

    countOutboxSent: (cutoff: number): number => db.select({ n: count() }).from(outboxMessages).where(outboxExpired(cutoff)).get()?.n ?? 0,
    /** At most `limit` rows when given (a batch); all of them otherwise. */
    purgeOutboxSent: (cutoff: number, limit?: number): number => {
      if (limit === undefined) return db.delete(outboxMessages).where(outboxExpired(cutoff)).run().changes;
      const ids = db.select({ id: outboxMessages.id }).from(outboxMessages).where(outboxExpired(cutoff)).limit(limit);
      return db.delete(outboxMessages).where(inArray(outboxMessages.id, ids)).run().changes;
    },

    countBurnMetadata: (cutoff: number): number => db.select({ n: count() }).from(burnItems).where(burnExpired(cutoff)).get()?.n ?? 0,
    /** One batch: at most `limit` destroyed items with their recipients and cards, in one transaction; how many items went. */
    purgeBurnMetadata: (cutoff: number, limit: number): number =>
      db.transaction((tx) => {
        const ids = burnIds(cutoff, limit).all().map((r) => r.id);
        if (ids.length === 0) return 0;
        tx.delete(burnCards).where(inArray(burnCards.itemId, ids)).run();
        tx.delete(burnRecipients).where(inArray(burnRecipients.itemId, ids)).run();
        return tx.delete(burnItems).where(inArray(burnItems.id, ids)).run().changes;
      }),

    countExpiredDocuments: (cutoff: number, scope: DocumentScope): number =>
      db.select({ n: count() }).from(documents).where(documentsExpired(cutoff, scope)).get()?.n ?? 0,
    /** Active documents created before `cutoff`, oldest first, one page (the purge walks them in batches). */
    expiredDocuments: (cutoff: number, scope: DocumentScope, page: ExpiredPage): { id: string; createdAt: number }[] =>
      db
        .select({ id: documents.id, createdAt: documents.createdAt })
        .from(documents)
        .where(and(documentsExpired(cutoff, scope), afterKey(documents, page.after)))
        .orderBy(asc(documents.createdAt), asc(documents.id))
        .limit(page.limit)
        .all(),
  });
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
