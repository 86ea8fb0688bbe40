import { boolean, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Severity } from '../../domain/clinical/interaction-rule-schema.js';
import type { InteractionAlertState, InteractionRecipientRole } from '../../domain/interactions/interaction-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/interactions/interaction-tables.ts. */
export const interactionAlerts = pgTable(
  'interaction_alerts',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    /** The pair of medication entries, lower id first (whichever was added last). */
    entryA: text().notNull(),
    entryB: text().notNull(),
    ruleId: text().notNull(),
    severity: text().$type<Severity>().notNull(),
    ruleSetVersion: text().notNull(),
    crossPrescriber: boolean().notNull(),
    state: text().$type<InteractionAlertState>().notNull(),
    decidedBy: text(),
    decidedAt: ms(),
    reason: text(),
    createdAt: ms().notNull(),
  },
  (t) => [uniqueIndex('interaction_alerts_pair_idx').on(t.entryA, t.entryB), index('interaction_alerts_case_idx').on(t.caseId, t.createdAt)],
);

export const interactionAlertRecipients = pgTable(
  'interaction_alert_recipients',
  {
    alertId: text().notNull(),
    clinicianId: text().notNull(),
    role: text().$type<InteractionRecipientRole>().notNull(),
    readAt: ms(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.clinicianId] })],
);
