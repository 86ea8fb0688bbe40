import { and, asc, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { sandboxChatGroups, sandboxChatItems } from '../../db/pg/chat-history-tables.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { ChatHistoryRepository } from './chat-history-repository.js';

/**
 * sandbox_chat_items and sandbox_chat_groups on PostgreSQL: the same port as chat-history-repository.ts
 * (payloads arrive sealed). What differs in SQL: group ids are walked in byte order (`COLLATE "C"`).
 */
export function createPgChatHistoryRepository(store: PgStore): ChatHistoryRepository {
  const db = () => store.db();
  const n = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const changed = (r: { rowCount: number | null }) => r.rowCount ?? 0;
  return {
    async all() {
      return db().select().from(sandboxChatItems).orderBy(asc(sandboxChatItems.id));
    },
    async put(row) {
      await db()
        .insert(sandboxChatItems)
        .values(row)
        .onConflictDoUpdate({ target: sandboxChatItems.id, set: { payload: row.payload, updatedAt: row.updatedAt } });
    },
    async groups() {
      return db().select().from(sandboxChatGroups).orderBy(asc(sandboxChatGroups.updatedAt));
    },
    async putGroup(row) {
      await db()
        .insert(sandboxChatGroups)
        .values(row)
        .onConflictDoUpdate({ target: sandboxChatGroups.id, set: { payload: row.payload, updatedAt: row.updatedAt } });
    },
    async touchGroup(id, at) {
      await db().update(sandboxChatGroups).set({ updatedAt: at }).where(and(eq(sandboxChatGroups.id, id), lt(sandboxChatGroups.updatedAt, at)));
    },
    async countOlderThan(cutoff) {
      const items = await n(db().select({ n: count() }).from(sandboxChatItems).where(lt(sandboxChatItems.updatedAt, cutoff)));
      const groups = await n(db().select({ n: count() }).from(sandboxChatGroups).where(lt(sandboxChatGroups.updatedAt, cutoff)));
      return items + groups;
    },
    async purgeOlderThan(cutoff, limit) {
      const itemIds = db().select({ id: sandboxChatItems.id }).from(sandboxChatItems).where(lt(sandboxChatItems.updatedAt, cutoff)).limit(limit);
      const items = changed(await db().delete(sandboxChatItems).where(inArray(sandboxChatItems.id, itemIds)));
      if (items >= limit) return items;
      const groupIds = db().select({ id: sandboxChatGroups.id }).from(sandboxChatGroups).where(lt(sandboxChatGroups.updatedAt, cutoff)).limit(limit - items);
      return items + changed(await db().delete(sandboxChatGroups).where(inArray(sandboxChatGroups.id, groupIds)));
    },
    async itemsAfter(afterId, limit) {
      return db().select().from(sandboxChatItems).where(gt(sandboxChatItems.id, afterId)).orderBy(asc(sandboxChatItems.id)).limit(limit);
    },
    async groupsAfter(afterId, limit) {
      return db()
        .select()
        .from(sandboxChatGroups)
        .where(sql`${sqlCollateC(sandboxChatGroups.id)} > ${afterId}`)
        .orderBy(sqlCollateC(sandboxChatGroups.id))
        .limit(limit);
    },
    async replacePayload(row, from) {
      if (row.table === 'item') {
        return changed(await db().update(sandboxChatItems).set({ payload: row.payload }).where(and(eq(sandboxChatItems.id, row.id), eq(sandboxChatItems.payload, from)))) > 0;
      }
      return changed(await db().update(sandboxChatGroups).set({ payload: row.payload }).where(and(eq(sandboxChatGroups.id, row.id), eq(sandboxChatGroups.payload, from)))) > 0;
    },
  };
}
