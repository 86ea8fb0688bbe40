import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { sandboxChatItems } from './chat-history-tables.js';

export type ChatHistoryRow = typeof sandboxChatItems.$inferSelect;

/** Named queries over sandbox_chat_items; every method answers with a Promise. Payloads arrive sealed. */
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
  });
}

export type ChatHistoryRepository = ReturnType<typeof createChatHistoryRepository>;
