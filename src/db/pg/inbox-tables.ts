import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { InboxState } from '../../domain/inbox/inbox-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/inbox/inbox-tables.ts. */
export const processedMessages = pgTable(
  'processed_messages',
  {
    msgId: text().primaryKey(),
    topic: text().notNull(),
    state: text().$type<InboxState>().notNull(),
    receivedAt: ms().notNull(),
    completedAt: ms(),
    payload: text(),
    owner: text(),
    leaseUntil: ms(),
    attempts: integer().notNull().default(0),
    reason: text(),
  },
  (t) => [
    index('processed_messages_received_idx').on(t.receivedAt),
    index('processed_messages_state_idx').on(t.state, t.topic),
    // The console's list of one state, newest first, a keyset page at a time.
    index('processed_messages_state_received_idx').on(t.state, t.receivedAt, t.msgId),
  ],
);
