import { and, asc, desc, eq } from 'drizzle-orm';
import { consultRuleFirings } from '../../db/pg/consult-rules-tables.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { onDocuments, onOtherItems, type RuleFirings } from './rule-firings.js';

/** rule-firings.ts on PostgreSQL: the same claim (ON CONFLICT DO NOTHING on the unique rule × item). */
export function createPgRuleFirings(store: PgStore): RuleFirings {
  const db = () => store.db();
  return {
    async claim(row) {
      const r = await db().insert(consultRuleFirings).values(row).onConflictDoNothing();
      return (r.rowCount ?? 0) > 0;
    },
    async setReferral(id, referralId) {
      await db().update(consultRuleFirings).set({ referralId }).where(eq(consultRuleFirings.id, id));
    },
    async release(id) {
      await db().delete(consultRuleFirings).where(eq(consultRuleFirings.id, id));
    },
    async forCase(caseId) {
      return db().select().from(consultRuleFirings).where(eq(consultRuleFirings.caseId, caseId)).orderBy(asc(consultRuleFirings.firedAt), sqlCollateC(consultRuleFirings.id));
    },
    async forDocuments(caseId, documentIds) {
      if (documentIds.length === 0) return [];
      return db().select().from(consultRuleFirings).where(onDocuments(consultRuleFirings, caseId, documentIds)).orderBy(asc(consultRuleFirings.firedAt), sqlCollateC(consultRuleFirings.id));
    },
    async pageOtherItems(caseId, page) {
      return db().select().from(consultRuleFirings).where(onOtherItems(consultRuleFirings, caseId, page)).orderBy(desc(consultRuleFirings.firedAt), desc(consultRuleFirings.id)).limit(page.limit);
    },
    async forItem(itemType, itemId) {
      return db().select().from(consultRuleFirings).where(and(eq(consultRuleFirings.itemType, itemType), eq(consultRuleFirings.itemId, itemId))).orderBy(sqlCollateC(consultRuleFirings.ruleId));
    },
  };
}
