import { pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/clinical/rule-review-tables.ts. */
export const interactionRuleReviews = pgTable('interaction_rule_reviews', {
  ruleId: text().primaryKey(),
  ruleHash: text().notNull(),
  ruleSetVersion: text().notNull(),
  signedOffBy: text(),
  signedOffAt: ms(),
  disabledBy: text(),
  disabledAt: ms(),
  disabledReason: text(),
  enabledBy: text(),
  enabledAt: ms(),
  enabledReason: text(),
  updatedAt: ms().notNull(),
});
