import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export type EscalationItemType = 'document' | 'alert' | 'interaction' | 'referral';
export type EscalationStatus = 'active' | 'stopped' | 'exhausted';
export type EscalationAction = 'reminded' | 'ding' | 'escalated' | 'stopped';

/**
 * One row per (urgent item, recipient) still being chased. `step` counts what was done so far
 * (0 = waiting, 1 = reminded, 2.. = escalated to that many colleagues); `nextAt` is when the next step
 * is due. Deadlines live here, not in timers, so a restart resumes where the last run stopped.
 * Ids only: which item, which case, which clinicians; never what the item says.
 */
export const escalations = sqliteTable(
  'escalations',
  {
    itemId: text().notNull(),
    recipientId: text().notNull(),
    itemType: text().$type<EscalationItemType>().notNull(),
    caseId: text().notNull(),
    /** Who shared or raised the item; never chosen as a colleague to escalate to. */
    initiatorId: text(),
    status: text().$type<EscalationStatus>().notNull(),
    step: integer().notNull().default(0),
    nextAt: integer(),
    createdAt: integer().notNull(),
    stoppedAt: integer(),
    stopReason: text(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.recipientId] }), index('escalations_due_idx').on(t.status, t.nextAt),
    // Escalations started in a window, by item type (the dashboard); stopped ones past retention.
    index('escalations_type_created_idx').on(t.itemType, t.createdAt),
    index('escalations_stopped_idx').on(t.stoppedAt)],
);

/** The history of every step, for `receipts` and for retention; the audit log holds the same facts. */
export const escalationSteps = sqliteTable(
  'escalation_steps',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    itemId: text().notNull(),
    recipientId: text().notNull(),
    action: text().$type<EscalationAction>().notNull(),
    /** The colleague an `escalated` step went to. */
    targetId: text(),
    /** Reason code of a `stopped` step (opened, opened_by_colleague, item_closed, chain_exhausted). */
    reason: text(),
    at: integer().notNull(),
  },
  (t) => [index('escalation_steps_item_idx').on(t.itemId, t.at)],
);
