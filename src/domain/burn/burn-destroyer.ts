import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import type { Logger } from '../../shared/logger.js';
import { noMetrics, type Metrics } from '../../shared/metrics.js';
import { AUDIT_ACTIONS, type AuditInput, type AuditSink } from '../../shared/audit-sink.js';
import type { BurnNotices, BurnVault } from './burn-ports.js';
import type { BurnItemRow, BurnRecipientRow, BurnRepository } from './burn-repository.js';
import type { BurnEndReason } from './burn-tables.js';

const BATCH = 500;

/**
 * Destroys every item whose deadline has come: document key material first (the vault shreds its key
 * and deletes the blob; repeatable), then one transaction that erases text keys and ciphertext and
 * enqueues the "burned" card updates, then the burn receipts in the audit log. A crash anywhere leaves
 * the item still due, so the next run (at the latest on start) finishes the job.
 */
export function createBurnDestroyer(deps: {
  transaction: Transaction;
  repo: BurnRepository;
  vault: BurnVault;
  notices: BurnNotices;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  /** Timer lag: how long after its deadline each item was destroyed. */
  metrics?: Metrics;
}) {
  const { repo, audit, clock } = deps;
  const metrics = deps.metrics ?? noMetrics;

  function endReason(item: BurnItemRow, now: number): BurnEndReason {
    return now >= item.expiresAt ? 'max_lifetime' : 'all_burned';
  }

  /** The burn receipt: one entry per recipient (opened or not, at their burn time) and one for the item. */
  function receipt(item: BurnItemRow, recipients: BurnRecipientRow[], at: number, reason: BurnEndReason): AuditInput[] {
    const opened = recipients.filter((r) => r.openedAt !== null).length;
    return [
      ...recipients.map((r): AuditInput => ({
        actor: r.clinicianId,
        action: AUDIT_ACTIONS.burnRecipientBurned,
        target: item.id,
        outcome: 'success',
        reason: r.openedAt === null ? 'not_opened' : 'opened',
        at: r.burnAt !== null && r.burnAt <= at ? r.burnAt : at,
      })),
      { actor: 'system', action: AUDIT_ACTIONS.burnDestroyed, target: item.id, outcome: 'success', reason: `${reason}:opened_${opened}_of_${recipients.length}`, at },
    ];
  }

  async function destroyBatch(items: BurnItemRow[]): Promise<number> {
    for (const item of items) if (item.kind === 'document') await deps.vault.destroy(item.id);
    const now = clock.now();
    const entries: AuditInput[] = [];
    // Zeroing the freed bytes, then moving the zeroed pages out of the WAL (see the repository).
    const previous = await repo.setSecureDelete(true);
    try {
      await deps.transaction(async () => {
        for (const item of items) {
          const reason = endReason(item, now);
          if (!(await repo.markDestroyed(item.id, now, reason))) continue;
          metrics.timerLag('burn', now - item.dueAt);
          const recipients = await repo.recipients(item.id);
          entries.push(...receipt(item, recipients, now, reason));
          await deps.notices.burned(item, await repo.cards(item.id), { opened: recipients.filter((r) => r.openedAt !== null).length, total: recipients.length, reason });
        }
        // The burn receipts commit with the destruction they record (a crash cannot keep one without the other).
        entries.forEach((e, i) => audit.append(e, { now: i === entries.length - 1 }));
      });
      await repo.checkpoint();
    } finally {
      await repo.setSecureDelete(previous);
    }
    return entries.filter((e) => e.action === AUDIT_ACTIONS.burnDestroyed).length;
  }

  return {
    /** Destroys everything due now; returns how many items it destroyed. */
    async destroyDue(): Promise<number> {
      let destroyed = 0;
      for (;;) {
        const due = await repo.due(clock.now(), BATCH);
        if (due.length === 0) return destroyed;
        destroyed += await destroyBatch(due);
        if (due.length < BATCH) return destroyed;
      }
    },
  };
}

export type BurnDestroyer = ReturnType<typeof createBurnDestroyer>;
