import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { consultRuleSets } from './consult-rules-tables.js';

export type RuleSetRow = typeof consultRuleSets.$inferSelect;
export const CURRENT = 'current';

/** The console's saved rule set (one row); version 0 means none saved (the config file is in force). */
export function createRuleSetStore(db: Db, store: SqliteStore) {
  return store.wrap({
    current(): RuleSetRow | undefined {
      return db.select().from(consultRuleSets).where(eq(consultRuleSets.id, CURRENT)).get();
    },
    version(): number {
      return db.select({ v: consultRuleSets.version }).from(consultRuleSets).where(eq(consultRuleSets.id, CURRENT)).get()?.v ?? 0;
    },
    /** Saves over `expectedVersion` (0: nothing saved yet); false when someone saved in between. */
    save(input: { rulesJson: string; updatedBy: string; updatedAt: number }, expectedVersion: number): boolean {
      if (expectedVersion === 0) return db.insert(consultRuleSets).values({ id: CURRENT, version: 1, ...input }).onConflictDoNothing().run().changes > 0;
      const where = and(eq(consultRuleSets.id, CURRENT), eq(consultRuleSets.version, expectedVersion));
      return db.update(consultRuleSets).set({ ...input, version: expectedVersion + 1 }).where(where).run().changes > 0;
    },
  });
}

export type RuleSetStore = ReturnType<typeof createRuleSetStore>;
