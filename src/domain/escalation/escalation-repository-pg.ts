import { and, asc, count, eq, inArray, isNotNull, lt, lte, ne, sql } from 'drizzle-orm';
import { escalations, escalationSteps } from '../../db/pg/escalation-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { EscalationRepository } from './escalation-repository.js';
import { addTotalsPg } from '../reports/daily-totals-repository-pg.js';
import { alertEndTotal, alertRaisedTotal, tally } from '../reports/daily-totals.js';

/**
 * Escalation state and step history on PostgreSQL: the same port as escalation-repository.ts. A purge
 * batch deletes set-wise (the batch's steps, then its rows) in one transaction.
 */
export function createPgEscalationRepository(store: PgStore): EscalationRepository {
  const db = () => store.db();
  const key = (itemId: string, recipientId: string) => and(eq(escalations.itemId, itemId), eq(escalations.recipientId, recipientId));
  const endedBefore = (cutoff: number) => and(ne(escalations.status, 'active'), lt(escalations.stoppedAt, cutoff));
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  return {
    insert: (row) =>
      store.transaction(async () => {
        const written = changed(await db().insert(escalations).values(row).onConflictDoNothing());
        if (written && row.itemType === 'alert') await addTotalsPg(store, tally([alertRaisedTotal(row.createdAt)]));
        return written;
      }),
    async find(itemId, recipientId) {
      const [row] = await db().select().from(escalations).where(key(itemId, recipientId));
      return row;
    },
    async forItem(itemId) {
      return db().select().from(escalations).where(eq(escalations.itemId, itemId)).orderBy(asc(escalations.createdAt));
    },
    async due(now, limit) {
      return db()
        .select()
        .from(escalations)
        .where(and(eq(escalations.status, 'active'), lte(escalations.nextAt, now)))
        .orderBy(asc(escalations.nextAt))
        .limit(limit);
    },
    async advance(itemId, recipientId, fromStep, toStep, nextAt) {
      return changed(
        await db()
          .update(escalations)
          .set({ step: toStep, nextAt })
          .where(and(key(itemId, recipientId), eq(escalations.status, 'active'), eq(escalations.step, fromStep))),
      );
    },
    end: (itemId, recipientId, status, reason, at) =>
      store.transaction(async () => {
        const ended = await db()
          .update(escalations)
          .set({ status, nextAt: null, stoppedAt: at, stopReason: reason })
          .where(and(key(itemId, recipientId), eq(escalations.status, 'active')))
          .returning({ itemType: escalations.itemType, createdAt: escalations.createdAt });
        if (ended[0]) await addTotalsPg(store, tally([alertEndTotal(ended[0], reason, at)]));
        return ended.length > 0;
      }),
    async addStep(step) {
      await db().insert(escalationSteps).values(step);
    },
    async steps(itemIds) {
      if (itemIds.length === 0) return [];
      return db()
        .select()
        .from(escalationSteps)
        .where(inArray(escalationSteps.itemId, [...itemIds]))
        .orderBy(asc(escalationSteps.at), asc(escalationSteps.id));
    },
    async escalatedTo(itemId, recipientId) {
      const rows = await db()
        .select({ targetId: escalationSteps.targetId })
        .from(escalationSteps)
        .where(and(eq(escalationSteps.itemId, itemId), eq(escalationSteps.recipientId, recipientId), eq(escalationSteps.action, 'escalated'), isNotNull(escalationSteps.targetId)));
      return rows.map((r) => r.targetId!);
    },
    async countEndedBefore(cutoff) {
      const [row] = await db().select({ n: count() }).from(escalations).where(endedBefore(cutoff));
      return row?.n ?? 0;
    },
    async purgeEndedBefore(cutoff, limit) {
      return store.transaction(async () => {
        const ended = await db()
          .select({ itemId: escalations.itemId, recipientId: escalations.recipientId })
          .from(escalations)
          .where(endedBefore(cutoff))
          .orderBy(asc(escalations.stoppedAt))
          .limit(limit);
        if (ended.length === 0) return 0;
        const keys = sql.join(ended.map((r) => sql`(${r.itemId}, ${r.recipientId})`), sql`, `);
        // The items alone as well: PostgreSQL seeks a row-value IN list only by a column all its rows
        // share (one recipient: a walk of the whole key), so the leading column is given as a list.
        const items = [...new Set(ended.map((r) => r.itemId))];
        await db().delete(escalationSteps).where(and(inArray(escalationSteps.itemId, items), sql`(${escalationSteps.itemId}, ${escalationSteps.recipientId}) in (${keys})`));
        return (await db().delete(escalations).where(and(inArray(escalations.itemId, items), sql`(${escalations.itemId}, ${escalations.recipientId}) in (${keys})`))).rowCount ?? 0;
      });
    },
  };
}
