import { eq } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { interactionRuleReviews } from '../../db/pg/rule-review-tables.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { RuleReviewRepository } from './rule-review-repository.js';

/** The rule review repository on PostgreSQL: the same port as the SQLite one (rule-review-repository.ts). */
export function createPgRuleReviewRepository(store: PgStore): RuleReviewRepository {
  const db = () => store.db();
  return {
    async all() {
      return db().select().from(interactionRuleReviews).orderBy(sqlCollateC(interactionRuleReviews.ruleId));
    },
    async find(ruleId) {
      const [row] = await db().select().from(interactionRuleReviews).where(eq(interactionRuleReviews.ruleId, ruleId));
      return row;
    },
    async put(row) {
      await db().insert(interactionRuleReviews).values(row).onConflictDoUpdate({ target: interactionRuleReviews.ruleId, set: row });
    },
  };
}
