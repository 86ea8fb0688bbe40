import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { interactionRuleReviews } from './rule-review-tables.js';

export type RuleReviewRow = typeof interactionRuleReviews.$inferSelect;

/** The pharmacists' rule reviews: one row per rule id (rule-review-tables.ts); every method answers with a Promise. */
export function createRuleReviewRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    all(): RuleReviewRow[] {
      return db.select().from(interactionRuleReviews).orderBy(interactionRuleReviews.ruleId).all();
    },
    find(ruleId: string): RuleReviewRow | undefined {
      return db.select().from(interactionRuleReviews).where(eq(interactionRuleReviews.ruleId, ruleId)).get();
    },
    /** Writes the rule's whole row (insert, or replace every column). */
    put(row: RuleReviewRow): void {
      db.insert(interactionRuleReviews).values(row).onConflictDoUpdate({ target: interactionRuleReviews.ruleId, set: row }).run();
    },
  });
}

export type RuleReviewRepository = ReturnType<typeof createRuleReviewRepository>;
