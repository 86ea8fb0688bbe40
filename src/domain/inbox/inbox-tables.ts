import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * `processing` = recorded (and ACKed) but not finished; `dead` = a dead letter: its handling failed in a
 * way a retry cannot fix (or ran out of attempts), kept with its reason for the admin console.
 */
export type InboxState = 'processing' | 'done' | 'failed' | 'dead';

/** Inbound DingTalk messages and events already taken, keyed by msgId (or eventId), so redeliveries apply once. */
export const processedMessages = sqliteTable(
  'processed_messages',
  {
    msgId: text().primaryKey(),
    topic: text().notNull(),
    state: text().$type<InboxState>().notNull(),
    receivedAt: integer().notNull(),
    completedAt: integer(),
    /**
     * The parsed message, sealed under the vault keyring (see inbox-cipher.ts), kept only while it is
     * being processed so a crash after the ACK can resume it; cleared when processing ends, so chat
     * text does not linger at rest.
     */
    payload: text(),
    /** The instance that holds the claim, and until when; another instance may take an expired claim. */
    owner: text(),
    leaseUntil: integer(),
    /** How many times processing started (1 on arrival); a message that keeps failing is dead-lettered. */
    attempts: integer().notNull().default(0),
    /** Why a message was dead-lettered (a code, never message text). */
    reason: text(),
  },
  (t) => [
    index('processed_messages_received_idx').on(t.receivedAt),
    index('processed_messages_state_idx').on(t.state, t.topic),
    // The console's list of one state, newest first, a keyset page at a time.
    index('processed_messages_state_received_idx').on(t.state, t.receivedAt, t.msgId),
  ],
);
