import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Inbound DingTalk messages already taken, keyed by msgId (or eventId), so redeliveries apply once. */
export const processedMessages = sqliteTable(
  'processed_messages',
  {
    msgId: text().primaryKey(),
    topic: text().notNull(),
    state: text().$type<'processing' | 'done' | 'failed'>().notNull(),
    receivedAt: integer().notNull(),
    completedAt: integer(),
  },
  (t) => [index('processed_messages_received_idx').on(t.receivedAt)],
);
