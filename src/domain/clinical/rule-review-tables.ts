import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A pharmacist's review of one interaction rule (config/clinical/interaction-rules.json): one row per
 * rule id, the latest state. The review holds for the rule's content as it was (`ruleHash`); a later
 * rule set version that edits the rule changes its hash, and the rule is "not reviewed" (and enabled)
 * again until someone reviews it. Every change is in the audit log; the row keeps only the latest.
 * The reasons are a pharmacist's words about a rule, never patient data.
 */
export const interactionRuleReviews = sqliteTable('interaction_rule_reviews', {
  ruleId: text().primaryKey(),
  /** sha256 of the rule's content (all fields but `reviewed`) when this review was made. */
  ruleHash: text().notNull(),
  /** The rule set version the review was made in (shown; the hash decides). */
  ruleSetVersion: text().notNull(),
  signedOffBy: text(),
  signedOffAt: integer(),
  disabledBy: text(),
  disabledAt: integer(),
  disabledReason: text(),
  /** The last re-enable, kept after it so the page can say who turned the rule back on and why. */
  enabledBy: text(),
  enabledAt: integer(),
  enabledReason: text(),
  updatedAt: integer().notNull(),
});
