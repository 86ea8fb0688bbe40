import { and, asc, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { sandboxChatGroups, sandboxChatItems } from './chat-history-tables.js';

export type ChatHistoryRow = typeof sandboxChatItems.$inferSelect;
export type ChatGroupRow = typeof sandboxChatGroups.$inferSelect;

/** One sealed row of either table, as key rotation walks them. */
export type SealedChatRow = { table: 'item'; id: number; payload: string } | { table: 'group'; id: string; payload: string };

/** Named queries over sandbox_chat_items and sandbox_chat_groups; every method answers with a Promise. Payloads arrive sealed. */
export function createChatHistoryRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    /** Every stored item, in chat order. */
    all(): ChatHistoryRow[] {
      return db.select().from(sandboxChatItems).orderBy(asc(sandboxChatItems.id)).all();
    },
    /** Writes an item, or its newer state (a recall, a card update). */
    put(row: ChatHistoryRow): void {
      db.insert(sandboxChatItems)
        .values(row)
        .onConflictDoUpdate({ target: sandboxChatItems.id, set: { payload: row.payload, updatedAt: row.updatedAt } })
        .run();
    },

    /** Every stored group, oldest first. */
    groups(): ChatGroupRow[] {
      return db.select().from(sandboxChatGroups).orderBy(asc(sandboxChatGroups.updatedAt)).all();
    },
    putGroup(row: ChatGroupRow): void {
      db.insert(sandboxChatGroups)
        .values(row)
        .onConflictDoUpdate({ target: sandboxChatGroups.id, set: { payload: row.payload, updatedAt: row.updatedAt } })
        .run();
    },
    /** The group was written in: it stays as long as its newest messages (retention). */
    touchGroup(id: string, at: number): void {
      db.update(sandboxChatGroups).set({ updatedAt: at }).where(and(eq(sandboxChatGroups.id, id), lt(sandboxChatGroups.updatedAt, at))).run();
    },

    /** Items and groups not changed since `cutoff` (retention). */
    countOlderThan(cutoff: number): number {
      const items = db.select({ n: count() }).from(sandboxChatItems).where(lt(sandboxChatItems.updatedAt, cutoff)).get()?.n ?? 0;
      const groups = db.select({ n: count() }).from(sandboxChatGroups).where(lt(sandboxChatGroups.updatedAt, cutoff)).get()?.n ?? 0;
      return items + groups;
    },
    /** One batch: at most `limit` rows, items first, then groups; how many went. */
    purgeOlderThan(cutoff: number, limit: number): number {
      const itemIds = db.select({ id: sandboxChatItems.id }).from(sandboxChatItems).where(lt(sandboxChatItems.updatedAt, cutoff)).limit(limit);
      const items = db.delete(sandboxChatItems).where(inArray(sandboxChatItems.id, itemIds)).run().changes;
      if (items >= limit) return items;
      const groupIds = db.select({ id: sandboxChatGroups.id }).from(sandboxChatGroups).where(lt(sandboxChatGroups.updatedAt, cutoff)).limit(limit - items);
      return items + db.delete(sandboxChatGroups).where(inArray(sandboxChatGroups.id, groupIds)).run().changes;
    },

    /** Items after `afterId`, in id order, for walking the table in batches. */
    itemsAfter(afterId: number, limit: number): ChatHistoryRow[] {
      return db.select().from(sandboxChatItems).where(gt(sandboxChatItems.id, afterId)).orderBy(asc(sandboxChatItems.id)).limit(limit).all();
    },
    /** Groups after `afterId`, in id order. */
    groupsAfter(afterId: string, limit: number): ChatGroupRow[] {
      return db.select().from(sandboxChatGroups).where(gt(sandboxChatGroups.id, afterId)).orderBy(asc(sandboxChatGroups.id)).limit(limit).all();
    },
    /** Replaces a sealed payload only if it is still `from` (a chat write in between wins); true when it did. */
    replacePayload(row: SealedChatRow, from: string): boolean {
      if (row.table === 'item') {
        return db.update(sandboxChatItems).set({ payload: row.payload }).where(and(eq(sandboxChatItems.id, row.id), eq(sandboxChatItems.payload, from))).run().changes > 0;
      }
      return db.update(sandboxChatGroups).set({ payload: row.payload }).where(and(eq(sandboxChatGroups.id, row.id), eq(sandboxChatGroups.payload, from))).run().changes > 0;
    },
  });
}

export type ChatHistoryRepository = ReturnType<typeof createChatHistoryRepository>;
