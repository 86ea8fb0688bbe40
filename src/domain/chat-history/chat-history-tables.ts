import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The sandbox chat's history (sandbox mode only): one row per message as the demo chat shows it, so
 * the conversation survives a restart. The message — who, what, the card and its buttons — is sealed
 * under the vault keyring like any chat text (inbox-cipher.ts); only the item number is in the clear.
 */
export const sandboxChatItems = sqliteTable('sandbox_chat_items', {
  /** The item's number in the chat (1, 2, …), also the AAD the payload is bound to. */
  id: integer().primaryKey(),
  payload: text().notNull(),
  updatedAt: integer().notNull(),
});
