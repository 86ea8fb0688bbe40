import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Inbound DingTalk messages and events already taken, keyed by msgId (or eventId), so redeliveries apply once. */
export const processedMessages = sqliteTable(
  'processed_messages',
  {
    msgId: text().primaryKey(),
    topic: text().notNull(),
    state: text().$type<'processing' | 'done' | 'failed'>().notNull(),
    receivedAt: integer().notNull(),
    completedAt: integer(),
    /**
     * The parsed message, kept only while it is being processed so a crash after the ACK can resume it;
     * cleared when processing ends, so chat text does not linger at rest.
     */
    payload: text(),
  },
  (t) => [index('processed_messages_received_idx').on(t.receivedAt)],
);
