import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { OutboxStatus } from '../../domain/outbox/outbox-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/outbox/outbox-tables.ts. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    idemKey: text().notNull().unique(),
    kind: text().notNull(),
    payload: text().notNull(),
    status: text().$type<OutboxStatus>().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ms().notNull(),
    lastError: text(),
    result: text(),
    processQueryKey: text(),
    owner: text(),
    lane: text(),
    createdAt: ms().notNull(),
    updatedAt: ms().notNull(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_pending_id_idx').on(t.status, t.id),
    index('outbox_lane_idx').on(t.lane, t.status, t.id),
    // withKeyPrefix compares keys byte-wise (collate "C", as SQLite does): the unique index, in the
    // database's collation, cannot serve that range, so it walked every message ever sent.
    index('outbox_idem_key_c_idx').on(sql`${t.idemKey} collate "C"`),
  ],
);
