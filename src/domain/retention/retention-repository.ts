import { and, asc, count, eq, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { burnCards, burnItems, burnRecipients } from '../burn/burn-tables.js';
import { processedMessages } from '../inbox/inbox-tables.js';
import { outboxMessages } from '../outbox/outbox-tables.js';
import { documents } from '../sharing/sharing-tables.js';

/** Which shared documents a retention setting covers, by the author's institution id. */
export type DocumentScope = { institutionIds: string[] } | { otherThan: string[] } | 'all';

/**
 * The retention queries over tables that are plain rows (and the expiry query over shared documents,
 * whose keys and ciphertext the vault destroys). Every method answers with a Promise (`store.wrap`).
 */
export function createRetentionRepository(db: Db, store: SqliteStore) {
  const processedExpired = (cutoff: number) => and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done'));
  const outboxExpired = (cutoff: number) => and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.updatedAt, cutoff));
  const burnExpired = (cutoff: number) => and(eq(burnItems.status, 'destroyed'), lt(burnItems.destroyedAt, cutoff));
  const burnIds = (cutoff: number) => db.select({ id: burnItems.id }).from(burnItems).where(burnExpired(cutoff));
  const scopeOf = (scope: DocumentScope): SQL | undefined => {
    if (scope === 'all') return undefined;
    if ('institutionIds' in scope) return inArray(documents.authorInstitutionId, scope.institutionIds);
    return or(isNull(documents.authorInstitutionId), notInArray(documents.authorInstitutionId, scope.otherThan));
  };
  const documentsExpired = (cutoff: number, scope: DocumentScope) => and(eq(documents.status, 'active'), lt(documents.createdAt, cutoff), scopeOf(scope));

  return store.wrap({
    countProcessedMessages: (cutoff: number): number => db.select({ n: count() }).from(processedMessages).where(processedExpired(cutoff)).get()?.n ?? 0,
    purgeProcessedMessages: (cutoff: number): number => db.delete(processedMessages).where(processedExpired(cutoff)).run().changes,

    countOutboxSent: (cutoff: number): number => db.select({ n: count() }).from(outboxMessages).where(outboxExpired(cutoff)).get()?.n ?? 0,
    purgeOutboxSent: (cutoff: number): number => db.delete(outboxMessages).where(outboxExpired(cutoff)).run().changes,

    countBurnMetadata: (cutoff: number): number => db.select({ n: count() }).from(burnItems).where(burnExpired(cutoff)).get()?.n ?? 0,
    purgeBurnMetadata: (cutoff: number): number =>
      db.transaction((tx) => {
        tx.delete(burnCards).where(inArray(burnCards.itemId, burnIds(cutoff))).run();
        tx.delete(burnRecipients).where(inArray(burnRecipients.itemId, burnIds(cutoff))).run();
        return tx.delete(burnItems).where(burnExpired(cutoff)).run().changes;
      }),

    countExpiredDocuments: (cutoff: number, scope: DocumentScope): number =>
      db.select({ n: count() }).from(documents).where(documentsExpired(cutoff, scope)).get()?.n ?? 0,
    /** Active documents created before `cutoff`, oldest first. */
    expiredDocumentIds: (cutoff: number, scope: DocumentScope): string[] =>
      db.select({ id: documents.id }).from(documents).where(documentsExpired(cutoff, scope)).orderBy(asc(documents.createdAt)).all().map((r) => r.id),
  });
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
