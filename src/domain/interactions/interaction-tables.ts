import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Severity } from '../clinical/interaction-rule-schema.js';

/** `open` until someone on the care team acknowledges it or overrides it with a reason. */
export type InteractionAlertState = 'open' | 'acknowledged' | 'overridden';
/** Why a clinician was told: they prescribed one of the pair, or they are the case's attending. */
export type InteractionRecipientRole = 'prescriber' | 'attending';

/**
 * Drug-interaction alerts on a case: one row per pair of medication entries that a rule matched
 * (`entryA`, `entryB`: lower id first, so a pair checked from either side is one alert). Ids, the rule
 * and its version only; the drug names stay sealed in the medication entries. The override reason is
 * free text, so it is sealed (free-text cipher, column `interaction_alerts.reason`).
 */
export const interactionAlerts = sqliteTable(
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
    /** Both entries have a known prescriber, and they differ. */
    crossPrescriber: integer({ mode: 'boolean' }).notNull(),
    state: text().$type<InteractionAlertState>().notNull(),
    decidedBy: text(),
    decidedAt: integer(),
    reason: text(),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('interaction_alerts_pair_idx').on(t.entryA, t.entryB), index('interaction_alerts_case_idx').on(t.caseId, t.createdAt)],
);

/** Who was sent the alert's card, and when each first opened its details (the escalation's "read"). */
export const interactionAlertRecipients = sqliteTable(
  'interaction_alert_recipients',
  {
    alertId: text().notNull(),
    clinicianId: text().notNull(),
    role: text().$type<InteractionRecipientRole>().notNull(),
    readAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.clinicianId] })],
);
