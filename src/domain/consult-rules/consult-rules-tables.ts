import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One row per consult rule that fired on one item (issue 14): the fire-once claim (unique rule × item)
 * and the tag the case screen shows ("triggered consult: rule X"). Ids and codes only: the sharer's
 * flag text and a result's value are never stored here.
 */
export const consultRuleFirings = sqliteTable(
  'consult_rule_firings',
  {
    id: text().primaryKey(),
    ruleId: text().notNull(),
    itemType: text().$type<'document' | 'observation' | 'form'>().notNull(),
    /** A document id, or an EHR reference such as `Observation/123`. */
    itemId: text().notNull(),
    caseId: text().notNull(),
    /** Set once the referral is open; null while opening. */
    referralId: text(),
    firedAt: integer().notNull(),
  },
  (t) => [uniqueIndex('consult_rule_firings_item_uq').on(t.ruleId, t.itemType, t.itemId), index('consult_rule_firings_case_idx').on(t.caseId, t.firedAt),
    // Which rules fired for an item (forItem): the unique index leads with the rule.
    index('consult_rule_firings_for_item_idx').on(t.itemType, t.itemId, t.ruleId)],
);

/**
 * The console's override of config/consult-rules.json: one row (`id` = 'current'), the whole rule set
 * as validated JSON text. `version` counts saves; a save names the version it edited, so two admins
 * (or two instances) never overwrite each other unseen, and every instance sees a save at its next
 * evaluation (it compares the version).
 */
export const consultRuleSets = sqliteTable('consult_rule_sets', {
  id: text().primaryKey(),
  rulesJson: text().notNull(),
  version: integer().notNull(),
  updatedBy: text().notNull(),
  updatedAt: integer().notNull(),
});
