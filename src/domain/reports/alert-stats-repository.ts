import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { escalations } from '../escalation/escalation-tables.js';

/**
 * Read-only dashboard query over the escalation context's table: per recipient of an urgent alert,
 * when it was raised and when (and why) chasing stopped. An alert recipient who opened it stops the
 * chase with reason `opened`, so `stoppedAt - createdAt` is their time to open.
 */
export function createAlertStatsRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    alertRecipientsBetween(from: number, to: number): { createdAt: number; stoppedAt: number | null; stopReason: string | null }[] {
      return db
        .select({ createdAt: escalations.createdAt, stoppedAt: escalations.stoppedAt, stopReason: escalations.stopReason })
        .from(escalations)
        .where(and(eq(escalations.itemType, 'alert'), gte(escalations.createdAt, from), lt(escalations.createdAt, to)))
        .all();
    },
  });
}

export type AlertStatsRepository = ReturnType<typeof createAlertStatsRepository>;
