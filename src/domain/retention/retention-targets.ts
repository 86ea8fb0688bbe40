import type { ChatHistoryRepository } from '../chat-history/chat-history-repository.js';
import type { EscalationRepository } from '../escalation/escalation-repository.js';
import type { RetentionRepository } from './retention-repository.js';
import { RETENTION_BATCH, type RetentionTarget } from './retention-target.js';
import { drainInBatches } from '../../shared/batches.js';

/**
 * Retention targets for the tables that are plain rows (their queries are in retention-repository.ts).
 * Shared documents, which also hold keys and ciphertext, are in document-retention.ts.
 */

/** Inbound message ids, once processed (an unfinished one is still needed to resume it). */
export function processedMessagesTarget(repo: RetentionRepository, retentionMs: number): RetentionTarget {
  return {
    name: 'processed_messages',
    retentionMs,
    countExpired: (cutoff) => repo.countProcessedMessages(cutoff),
    purge: (cutoff) => drainInBatches((n) => repo.purgeProcessedMessages(cutoff, n), RETENTION_BATCH),
  };
}

/**
 * Outbound messages already sent. Pending and dead rows stay (still work to do or to look at), and so
 * do discarded ones. A purged row's idemKey no longer dedupes: the same step repeated after the
 * retention window would send again, which at 30 days no caller does.
 */
export function outboxSentTarget(repo: RetentionRepository, retentionMs: number): RetentionTarget {
  return {
    name: 'outbox_sent',
    retentionMs,
    countExpired: (cutoff) => repo.countOutboxSent(cutoff),
    purge: (cutoff) => drainInBatches((n) => repo.purgeOutboxSent(cutoff, n), RETENTION_BATCH),
  };
}

/** Finished escalations and their step history (the audit log keeps the same facts for good). */
export function escalationsTarget(repo: Pick<EscalationRepository, 'countEndedBefore' | 'purgeEndedBefore'>, retentionMs: number): RetentionTarget {
  return {
    name: 'escalations',
    retentionMs,
    countExpired: (cutoff) => repo.countEndedBefore(cutoff),
    purge: (cutoff) => drainInBatches((n) => repo.purgeEndedBefore(cutoff, n), RETENTION_BATCH),
  };
}

/**
 * Burn-after-reading metadata (who was sent what, when it was opened and burned) of items already
 * destroyed; the content and keys went at burn time. The audit log keeps the burn receipts for good.
 */
export function burnMetadataTarget(repo: RetentionRepository, retentionMs: number): RetentionTarget {
  return {
    name: 'ephemeral_metadata',
    retentionMs,
    countExpired: (cutoff) => repo.countBurnMetadata(cutoff),
    purge: (cutoff) => drainInBatches((n) => repo.purgeBurnMetadata(cutoff, n), RETENTION_BATCH),
  };
}

/**
 * The sandbox chat's stored history (sandbox mode): messages not changed, and groups not written in,
 * within the window. Sealed rows; a running sandbox keeps showing what it has until its next restart.
 */
export function sandboxChatTarget(repo: Pick<ChatHistoryRepository, 'countOlderThan' | 'purgeOlderThan'>, retentionMs: number): RetentionTarget {
  return {
    name: 'sandbox_chat',
    retentionMs,
    countExpired: (cutoff) => repo.countOlderThan(cutoff),
    purge: (cutoff) => drainInBatches((n) => repo.purgeOlderThan(cutoff, n), RETENTION_BATCH),
  };
}
