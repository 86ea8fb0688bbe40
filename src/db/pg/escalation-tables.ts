import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { EscalationAction, EscalationItemType, EscalationStatus } from '../../domain/escalation/escalation-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/escalation/escalation-tables.ts. */
export const escalations = pgTable(
  'escalations',
  {
    itemId: text().notNull(),
    recipientId: text().notNull(),
    itemType: text().$type<EscalationItemType>().notNull(),
    caseId: text().notNull(),
    initiatorId: text(),
    status: text().$type<EscalationStatus>().notNull(),
    step: integer().notNull().default(0),
    nextAt: ms(),
    createdAt: ms().notNull(),
    stoppedAt: ms(),
    stopReason: text(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.recipientId] }), index('escalations_due_idx').on(t.status, t.nextAt),
    // Escalations started in a window, by item type (the dashboard); stopped ones past retention.
    index('escalations_type_created_idx').on(t.itemType, t.createdAt),
    index('escalations_stopped_idx').on(t.stoppedAt)],
);

export const escalationSteps = pgTable(
  'escalation_steps',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    itemId: text().notNull(),
    recipientId: text().notNull(),
    action: text().$type<EscalationAction>().notNull(),
    targetId: text(),
    reason: text(),
    at: ms().notNull(),
  },
  (t) => [index('escalation_steps_item_idx').on(t.itemId, t.at)],
);
