import { and, eq } from 'drizzle-orm';
import { consultRuleSets } from '../../db/pg/consult-rules-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { CURRENT, type RuleSetStore } from './rule-set-store.js';

/** rule-set-store.ts on PostgreSQL: the same compare-and-set on `version`. */
export function createPgRuleSetStore(store: PgStore): RuleSetStore {
  const db = () => store.db();
  return {
    async current() {
      const [row] = await db().select().from(consultRuleSets).where(eq(consultRuleSets.id, CURRENT));
      return row;
    },
    async version() {
      const [row] = await db().select({ v: consultRuleSets.version }).from(consultRuleSets).where(eq(consultRuleSets.id, CURRENT));
      return row?.v ?? 0;
    },
    async save(input, expectedVersion) {
      if (expectedVersion === 0) return ((await db().insert(consultRuleSets).values({ id: CURRENT, version: 1, ...input }).onConflictDoNothing()).rowCount ?? 0) > 0;
      const where = and(eq(consultRuleSets.id, CURRENT), eq(consultRuleSets.version, expectedVersion));
      return ((await db().update(consultRuleSets).set({ ...input, version: expectedVersion + 1 }).where(where)).rowCount ?? 0) > 0;
    },
  };
}
