import { and, asc, count, eq, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { burnCards, burnItems, burnRecipients } from '../../db/pg/burn-tables.js';
import { processedMessages } from '../../db/pg/inbox-tables.js';
import { outboxMessages } from '../../db/pg/outbox-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { documents } from '../../db/pg/sharing-tables.js';
import { afterKey, type DocumentScope, type RetentionRepository } from './retention-repository.js';

/** The retention queries on PostgreSQL: the same port as retention-repository.ts. */
export function createPgRetentionRepository(store: PgStore): RetentionRepository {
  const db = () => store.db();
  const processedExpired = (cutoff: number) => and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done'));
  const outboxExpired = (cutoff: number) => and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.updatedAt, cutoff));
  const burnExpired = (cutoff: number) => and(eq(burnItems.status, 'destroyed'), lt(burnItems.destroyedAt, cutoff));
  const burnIds = (cutoff: number, limit: number) => db().select({ id: burnItems.id }).from(burnItems).where(burnExpired(cutoff)).limit(limit);
  const scopeOf = (scope: DocumentScope): SQL | undefined => {
    if (scope === 'all') return undefined;
    if ('institutionIds' in scope) return inArray(documents.authorInstitutionId, scope.institutionIds);
    return or(isNull(documents.authorInstitutionId), notInArray(documents.authorInstitutionId, scope.otherThan));
  };
  const documentsExpired = (cutoff: number, scope: DocumentScope) => and(eq(documents.status, 'active'), lt(documents.createdAt, cutoff), scopeOf(scope));
  const counted = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const removed = async (q: PromiseLike<{ rowCount: number | null }>) => (await q).rowCount ?? 0;

  return {
    countProcessedMessages: (cutoff) => counted(db().select({ n: count() }).from(processedMessages).where(processedExpired(cutoff))),
    purgeProcessedMessages: (cutoff, limit) => {
      if (limit === undefined) return removed(db().delete(processedMessages).where(processedExpired(cutoff)).execute());
      const ids = db().select({ id: processedMessages.msgId }).from(processedMessages).where(processedExpired(cutoff)).limit(limit);
      return removed(db().delete(processedMessages).where(inArray(processedMessages.msgId, ids)).execute());
    },
    countOutboxSent: (cutoff) => counted(db().select({ n: count() }).from(outboxMessages).where(outboxExpired(cutoff))),
    purgeOutboxSent: (cutoff, limit) => {
      if (limit === undefined) return removed(db().delete(outboxMessages).where(outboxExpired(cutoff)).execute());
      const ids = db().select({ id: outboxMessages.id }).from(outboxMessages).where(outboxExpired(cutoff)).limit(limit);
      return removed(db().delete(outboxMessages).where(inArray(outboxMessages.id, ids)).execute());
    },
    countBurnMetadata: (cutoff) => counted(db().select({ n: count() }).from(burnItems).where(burnExpired(cutoff))),
    purgeBurnMetadata: (cutoff, limit) =>
      store.transaction(async () => {
        const ids = (await burnIds(cutoff, limit)).map((r) => r.id);
        if (ids.length === 0) return 0;
        await db().delete(burnCards).where(inArray(burnCards.itemId, ids));
        await db().delete(burnRecipients).where(inArray(burnRecipients.itemId, ids));
        return removed(db().delete(burnItems).where(inArray(burnItems.id, ids)).execute());
      }),
    countExpiredDocuments: (cutoff, scope) => counted(db().select({ n: count() }).from(documents).where(documentsExpired(cutoff, scope))),
    expiredDocuments: (cutoff, scope, page) =>
      db()
        .select({ id: documents.id, createdAt: documents.createdAt })
        .from(documents)
        .where(and(documentsExpired(cutoff, scope), afterKey(documents, page.after)))
        .orderBy(asc(documents.createdAt), asc(documents.id))
        .limit(page.limit),
  };
}
