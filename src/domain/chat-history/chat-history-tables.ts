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

/**
 * Groups made in the sandbox chat (sandbox mode only), so they are there again after a restart with
 * their history. The group — its title as typed, its members — is sealed like the items; only the
 * group's openConversationId (a random id, the AAD) is in the clear. `updatedAt` moves whenever the
 * group is used, so retention removes only groups nobody has written in for the window.
 */
export const sandboxChatGroups = sqliteTable('sandbox_chat_groups', {
  id: text().primaryKey(),
  payload: text().notNull(),
  updatedAt: integer().notNull(),
});
