import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * `discarded` = an admin dropped a pending/dead row; the row is kept so its idemKey still dedupes.
 * (A text column without a CHECK, so adding a status needs no migration.)
 */
export type OutboxStatus = 'pending' | 'sent' | 'dead' | 'discarded';

/** Durable queue of everything we send to DingTalk; `idemKey` makes enqueueing the same intent twice a no-op. */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    idemKey: text().notNull().unique(),
    kind: text().notNull(),
    payload: text().notNull(),
    status: text().$type<OutboxStatus>().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer().notNull(),
    lastError: text(),
    result: text(),
    /** DingTalk's handle on what was sent (recall, read receipts), stored with `sent` in one statement. */
    processQueryKey: text(),
    /** The instance whose lease `nextAttemptAt` is while a send is in flight; cleared when it ends. */
    owner: text(),
    /**
     * The ordering lane (outbox-lane.ts), stored on PostgreSQL so that instances claiming rows apart
     * keep one conversation's sends one at a time; null on SQLite, where one process orders its lanes.
     */
    lane: text(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  // The claim (pending, due, after the cursor, in id order) walks outbox_pending_id_idx and stops after
  // its limit; with only outbox_due_idx it sorted every due row per claim, O(backlog) (R8).
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_pending_id_idx').on(t.status, t.id),
    index('outbox_lane_idx').on(t.lane, t.status, t.id),
  ],
);
