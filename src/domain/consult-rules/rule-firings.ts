import { and, asc, desc, eq, inArray, ne, type Column } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import type { SqliteStore } from '../../db/store.js';
import { consultRuleFirings } from './consult-rules-tables.js';

export type RuleFiringRow = typeof consultRuleFirings.$inferSelect;
export type RuleItemType = RuleFiringRow['itemType'];

type FiringCols = { caseId: Column; itemType: Column; itemId: Column; firedAt: Column; id: Column };

/** The firings on these documents of the case (the tags of a page of its documents): a seek on consult_rule_firings_case_idx. */
export const onDocuments = (t: FiringCols, caseId: string, documentIds: readonly string[]) =>
  and(eq(t.caseId, caseId), eq(t.itemType, 'document'), inArray(t.itemId, [...documentIds]));

/** A keyset page of the case's firings on other items (results, forms), newest first by (firedAt, id). */
export const onOtherItems = (t: FiringCols, caseId: string, page: PageOf) =>
  and(eq(t.caseId, caseId), ne(t.itemType, 'document'), olderThan({ createdAt: t.firedAt, id: t.id }, page.after));

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
    forDocuments(caseId: string, documentIds: readonly string[]): RuleFiringRow[] {
      if (documentIds.length === 0) return [];
      return db.select().from(consultRuleFirings).where(onDocuments(consultRuleFirings, caseId, documentIds)).orderBy(asc(consultRuleFirings.firedAt), asc(consultRuleFirings.id)).all();
    },
    pageOtherItems(caseId: string, page: PageOf): RuleFiringRow[] {
      return db.select().from(consultRuleFirings).where(onOtherItems(consultRuleFirings, caseId, page)).orderBy(desc(consultRuleFirings.firedAt), desc(consultRuleFirings.id)).limit(page.limit).all();
    },
    forItem(itemType: RuleItemType, itemId: string): RuleFiringRow[] {
      return db.select().from(consultRuleFirings).where(and(eq(consultRuleFirings.itemType, itemType), eq(consultRuleFirings.itemId, itemId))).orderBy(asc(consultRuleFirings.ruleId)).all();
    },
  });
}

export type RuleFirings = ReturnType<typeof createRuleFirings>;
