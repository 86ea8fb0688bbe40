import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { EhrPendingKind, EhrPendingStatus } from '../../domain/ehr/ehr-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/ehr/ehr-tables.ts. */
export const ehrPending = pgTable(
  'ehr_pending',
  {
    id: text().primaryKey(),
    idemKey: text().notNull().unique(),
    kind: text().$type<EhrPendingKind>().notNull(),
    payload: text().notNull(),
    status: text().$type<EhrPendingStatus>().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ms().notNull(),
    lastError: text(),
    remoteId: text(),
    createdAt: ms().notNull(),
    updatedAt: ms().notNull(),
  },
  (t) => [index('ehr_pending_due_idx').on(t.status, t.nextAttemptAt)],
);
