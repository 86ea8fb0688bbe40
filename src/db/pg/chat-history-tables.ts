import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of sandbox_chat_items (src/domain/chat-history/chat-history-tables.ts). */
export const sandboxChatItems = pgTable('sandbox_chat_items', {
  id: integer().primaryKey(),
  payload: text().notNull(),
  updatedAt: ms().notNull(),
});

/** PostgreSQL twin of sandbox_chat_groups (src/domain/chat-history/chat-history-tables.ts). */
export const sandboxChatGroups = pgTable('sandbox_chat_groups', {
  id: text().primaryKey(),
  payload: text().notNull(),
  updatedAt: ms().notNull(),
});
