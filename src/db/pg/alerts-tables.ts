import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { AlertStatus } from '../../domain/alerts/alerts-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/alerts/alerts-tables.ts (member and card lists stay JSON text, as on SQLite). */
export const allergyAlerts = pgTable(
  'allergy_alerts',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    raisedBy: text().notNull(),
    status: text().$type<AlertStatus>().notNull(),
    ehrPendingId: text().notNull(),
    ephemeralItemId: text(),
    scanItemId: text(),
    recipientIds: text().notNull().default('[]'),
    directIds: text().notNull().default('[]'),
    memberUserIds: text().notNull().default('[]'),
    sceneGroupId: text(),
    cardIds: text().notNull().default('[]'),
    createdAt: ms().notNull(),
    sentAt: ms(),
    archiveAt: ms().notNull(),
    archivedAt: ms(),
    burnNotedAt: ms(),
  },
  (t) => [index('allergy_alerts_status_idx').on(t.status, t.archiveAt), index('allergy_alerts_case_idx').on(t.caseId),
    // The alert a burn item carries (the inbox leaves alert copies out; a burn's alert is looked up): was a read of every alert.
    index('allergy_alerts_item_idx').on(t.ephemeralItemId)],
);
