import { asc } from 'drizzle-orm';
import { sandboxChatItems } from '../../db/pg/chat-history-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { ChatHistoryRepository } from './chat-history-repository.js';

/** sandbox_chat_items on PostgreSQL: the same port as chat-history-repository.ts (payloads arrive sealed). */
export function createPgChatHistoryRepository(store: PgStore): ChatHistoryRepository {
  return {
    async all() {
      return store.db().select().from(sandboxChatItems).orderBy(asc(sandboxChatItems.id));
    },
    async put(row) {
      await store
        .db()
        .insert(sandboxChatItems)
        .values(row)
        .onConflictDoUpdate({ target: sandboxChatItems.id, set: { payload: row.payload, updatedAt: row.updatedAt } });
    },
  };
}
