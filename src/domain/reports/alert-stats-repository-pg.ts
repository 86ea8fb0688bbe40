import { and, eq, gte, lt } from 'drizzle-orm';
import { escalations } from '../../db/pg/escalation-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { AlertStatsRepository } from './alert-stats-repository.js';

/** The alert dashboard query on PostgreSQL: the same port as alert-stats-repository.ts. */
export function createPgAlertStatsRepository(store: PgStore): AlertStatsRepository {
  return {
    async alertRecipientsBetween(from, to) {
      return store
        .db()
        .select({ createdAt: escalations.createdAt, stoppedAt: escalations.stoppedAt, stopReason: escalations.stopReason })
        .from(escalations)
        .where(and(eq(escalations.itemType, 'alert'), gte(escalations.createdAt, from), lt(escalations.createdAt, to)));
    },
  };
}
