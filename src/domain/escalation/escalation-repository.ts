import { and, asc, count, eq, inArray, isNotNull, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { escalations, escalationSteps, type EscalationAction } from './escalation-tables.js';
import { addTotals } from '../reports/daily-totals-repository.js';
import { alertEndTotal, alertRaisedTotal, tally } from '../reports/daily-totals.js';

export type EscalationRow = typeof escalations.$inferSelect;
export type NewEscalationRow = typeof escalations.$inferInsert;
export type EscalationStepRow = typeof escalationSteps.$inferSelect;

/** Named queries over escalation state and step history; every method answers with a Promise (`store.wrap`). */
export function createEscalationRepository(db: Db, store: SqliteStore) {
  const key = (itemId: string, recipientId: string) => and(eq(escalations.itemId, itemId), eq(escalations.recipientId, recipientId));
  return store.wrap({
    /** Inserts unless (item, recipient) is already tracked; returns whether a row was written. */
    insert(row: NewEscalationRow): boolean {
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const written = tx.insert(escalations).values(row).onConflictDoNothing().run().changes > 0;
        // An urgent alert's recipient counts towards the dashboard's alert figures (daily_totals).
        if (written && row.itemType === 'alert') addTotals(tx, tally([alertRaisedTotal(row.createdAt)]));
        return written;
      });
    },

    find(itemId: string, recipientId: string): EscalationRow | undefined {
      return db.select().from(escalations).where(key(itemId, recipientId)).get();
    },

    forItem(itemId: string): EscalationRow[] {
      return db.select().from(escalations).where(eq(escalations.itemId, itemId)).orderBy(asc(escalations.createdAt)).all();
    },

    /** Active rows whose next step is due, oldest deadline first. */
    due(now: number, limit: number): EscalationRow[] {
      return db
        .select()
        .from(escalations)
        .where(and(eq(escalations.status, 'active'), lte(escalations.nextAt, now)))
        .orderBy(asc(escalations.nextAt))
        .limit(limit)
        .all();
    },

    /**
     * Moves an active row from `fromStep` to `toStep` with a new deadline. Conditional on the step, so
     * two runners (or a run racing an open) can never both take the same step.
     */
    advance(itemId: string, recipientId: string, fromStep: number, toStep: number, nextAt: number): boolean {
      return (
        db
          .update(escalations)
          .set({ step: toStep, nextAt })
          .where(and(key(itemId, recipientId), eq(escalations.status, 'active'), eq(escalations.step, fromStep)))
          .run().changes > 0
      );
    },

    /** Ends an active row; false when it had already ended. */
    end(itemId: string, recipientId: string, status: 'stopped' | 'exhausted', reason: string, at: number): boolean {
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const ended = tx
          .update(escalations)
          .set({ status, nextAt: null, stoppedAt: at, stopReason: reason })
          .where(and(key(itemId, recipientId), eq(escalations.status, 'active')))
          .returning({ itemType: escalations.itemType, createdAt: escalations.createdAt })
          .all();
        if (ended[0]) addTotals(tx, tally([alertEndTotal(ended[0], reason, at)]));
        return ended.length > 0;
      });
    },

    addStep(step: { itemId: string; recipientId: string; action: EscalationAction; targetId?: string; reason?: string; at: number }): void {
      db.insert(escalationSteps).values(step).run();
    },

    steps(itemIds: readonly string[]): EscalationStepRow[] {
      if (itemIds.length === 0) return [];
      return db
        .select()
        .from(escalationSteps)
        .where(inArray(escalationSteps.itemId, [...itemIds]))
        .orderBy(asc(escalationSteps.at), asc(escalationSteps.id))
        .all();
    },

    /** Colleagues already asked on behalf of this recipient. */
    escalatedTo(itemId: string, recipientId: string): string[] {
      return db
        .select({ targetId: escalationSteps.targetId })
        .from(escalationSteps)
        .where(and(eq(escalationSteps.itemId, itemId), eq(escalationSteps.recipientId, recipientId), eq(escalationSteps.action, 'escalated'), isNotNull(escalationSteps.targetId)))
        .all()
        .map((r) => r.targetId!);
    },

    /** Ended rows (and their steps) that ended before `cutoff`; for retention. */
    countEndedBefore(cutoff: number): number {
      return (
        db
          .select({ n: count() })
          .from(escalations)
          .where(and(ne(escalations.status, 'active'), lt(escalations.stoppedAt, cutoff)))
          .get()?.n ?? 0
      );
    },

    /** One batch: at most `limit` ended rows (oldest stop first) and their steps, in one transaction; how many rows went. */
    purgeEndedBefore(cutoff: number, limit: number): number {
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const ended = tx
          .select({ itemId: escalations.itemId, recipientId: escalations.recipientId })
          .from(escalations)
          .where(and(ne(escalations.status, 'active'), lt(escalations.stoppedAt, cutoff)))
          .orderBy(asc(escalations.stoppedAt))
          .limit(limit)
          .all();
        for (const r of ended) {
          tx.delete(escalationSteps).where(and(eq(escalationSteps.itemId, r.itemId), eq(escalationSteps.recipientId, r.recipientId))).run();
          tx.delete(escalations).where(key(r.itemId, r.recipientId)).run();
        }
        return ended.length;
      });
    },
  });
}

export type EscalationRepository = ReturnType<typeof createEscalationRepository>;
