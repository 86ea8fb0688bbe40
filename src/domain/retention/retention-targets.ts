import { and, count, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { burnCards, burnItems, burnRecipients } from '../burn/burn-tables.js';
import type { EscalationRepository } from '../escalation/escalation-repository.js';
import { processedMessages } from '../inbox/inbox-tables.js';
import { outboxMessages } from '../outbox/outbox-tables.js';
import type { RetentionTarget } from './retention-target.js';

/**
 * Retention targets for the tables that are plain rows. Shared documents, which also hold keys and
 * ciphertext, are in document-retention.ts.
 */

/** Inbound message ids, once processed (an unfinished one is still needed to resume it). */
export function processedMessagesTarget(db: Db, retentionMs: number): RetentionTarget {
  const expired = (cutoff: number) => and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done'));
  return {
    name: 'processed_messages',
    retentionMs,
    countExpired: (cutoff) => db.select({ n: count() }).from(processedMessages).where(expired(cutoff)).get()?.n ?? 0,
    purge: (cutoff) => db.delete(processedMessages).where(expired(cutoff)).run().changes,
  };
}

/**
 * Outbound messages already sent. Pending and dead rows stay (still work to do or to look at), and so
 * do discarded ones. A purged row's idemKey no longer dedupes: the same step repeated after the
 * retention window would send again, which at 30 days no caller does.
 */
export function outboxSentTarget(db: Db, retentionMs: number): RetentionTarget {
  const expired = (cutoff: number) => and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.updatedAt, cutoff));
  return {
    name: 'outbox_sent',
    retentionMs,
    countExpired: (cutoff) => db.select({ n: count() }).from(outboxMessages).where(expired(cutoff)).get()?.n ?? 0,
    purge: (cutoff) => db.delete(outboxMessages).where(expired(cutoff)).run().changes,
  };
}

/** Finished escalations and their step history (the audit log keeps the same facts for good). */
export function escalationsTarget(repo: Pick<EscalationRepository, 'countEndedBefore' | 'purgeEndedBefore'>, retentionMs: number): RetentionTarget {
  return {
    name: 'escalations',
    retentionMs,
    countExpired: (cutoff) => repo.countEndedBefore(cutoff),
    purge: (cutoff) => repo.purgeEndedBefore(cutoff),
  };
}

/**
 * Burn-after-reading metadata (who was sent what, when it was opened and burned) of items already
 * destroyed; the content and keys went at burn time. The audit log keeps the burn receipts for good.
 */
export function burnMetadataTarget(db: Db, retentionMs: number): RetentionTarget {
  const expired = (cutoff: number) => and(eq(burnItems.status, 'destroyed'), lt(burnItems.destroyedAt, cutoff));
  const ids = (cutoff: number) => db.select({ id: burnItems.id }).from(burnItems).where(expired(cutoff));
  return {
    name: 'ephemeral_metadata',
    retentionMs,
    countExpired: (cutoff) => db.select({ n: count() }).from(burnItems).where(expired(cutoff)).get()?.n ?? 0,
    purge: (cutoff) =>
      db.transaction((tx) => {
        tx.delete(burnCards).where(inArray(burnCards.itemId, ids(cutoff))).run();
        tx.delete(burnRecipients).where(inArray(burnRecipients.itemId, ids(cutoff))).run();
        return tx.delete(burnItems).where(expired(cutoff)).run().changes;
      }),
  };
}
