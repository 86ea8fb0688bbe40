import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/consult-rules/consult-rules-tables.ts. */
export const consultRuleFirings = pgTable(
  'consult_rule_firings',
  {
    id: text().primaryKey(),
    ruleId: text().notNull(),
    itemType: text().$type<'document' | 'observation' | 'form'>().notNull(),
    itemId: text().notNull(),
    caseId: text().notNull(),
    referralId: text(),
    firedAt: ms().notNull(),
  },
  (t) => [uniqueIndex('consult_rule_firings_item_uq').on(t.ruleId, t.itemType, t.itemId), index('consult_rule_firings_case_idx').on(t.caseId, t.firedAt),
    // Which rules fired for an item (forItem): the unique index leads with the rule.
    index('consult_rule_firings_for_item_idx').on(t.itemType, t.itemId, t.ruleId)],
);

export const consultRuleSets = pgTable('consult_rule_sets', {
  id: text().primaryKey(),
  rulesJson: text().notNull(),
  version: integer().notNull(),
  updatedBy: text().notNull(),
  updatedAt: ms().notNull(),
});
