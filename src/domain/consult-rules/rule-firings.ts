import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { consultRuleFirings } from './consult-rules-tables.js';

export type RuleFiringRow = typeof consultRuleFirings.$inferSelect;
export type RuleItemType = RuleFiringRow['itemType'];

/** Consult rule firings (consult-rules-tables.ts): the fire-once claim and the case screen's tags. */
export function createRuleFirings(db: Db, store: SqliteStore) {
  return store.wrap({
    /** Claims the rule × item; false when it already fired (or is firing) on that item. */
    claim(row: RuleFiringRow): boolean {
      return db.insert(consultRuleFirings).values(row).onConflictDoNothing().run().changes > 0;
    },
    setReferral(id: string, referralId: string): void {
      db.update(consultRuleFirings).set({ referralId }).where(eq(consultRuleFirings.id, id)).run();
    },
    /** Gives a claim back when its referral could not be opened, so the item may fire again later. */
    release(id: string): void {
      db.delete(consultRuleFirings).where(eq(consultRuleFirings.id, id)).run();
    },
    forCase(caseId: string): RuleFiringRow[] {
      return db.select().from(consultRuleFirings).where(eq(consultRuleFirings.caseId, caseId)).orderBy(asc(consultRuleFirings.firedAt), asc(consultRuleFirings.id)).all();
    },
    forItem(itemType: RuleItemType, itemId: string): RuleFiringRow[] {
      return db.select().from(consultRuleFirings).where(and(eq(consultRuleFirings.itemType, itemType), eq(consultRuleFirings.itemId, itemId))).orderBy(asc(consultRuleFirings.ruleId)).all();
    },
  });
}

export type RuleFirings = ReturnType<typeof createRuleFirings>;
