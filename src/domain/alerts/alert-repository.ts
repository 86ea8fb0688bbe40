import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { allergyAlerts, type AlertStatus } from './alerts-tables.js';

export type AllergyAlertRow = typeof allergyAlerts.$inferSelect;
export type NewAllergyAlert = typeof allergyAlerts.$inferInsert;

const BATCH = 200;

/**
 * Named queries over allergy_alerts; every method answers with a Promise (`store.wrap`) and joins the
 * caller's transaction, so callers group them with outbox intents in one.
 */
export function createAlertRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    /** Inserts once per id; false when the alert already exists (a retried submit of the same link). */
    insert(row: NewAllergyAlert): boolean {
      return db.insert(allergyAlerts).values(row).onConflictDoNothing({ target: allergyAlerts.id }).run().changes === 1;
    },

    find(id: string): AllergyAlertRow | undefined {
      return db.select().from(allergyAlerts).where(eq(allergyAlerts.id, id)).get();
    },

    /** Moves an alert on only from the status the caller saw; false when another run got there first. */
    advance(id: string, from: AlertStatus, set: Partial<Omit<AllergyAlertRow, 'id'>>): boolean {
      return db.update(allergyAlerts).set(set).where(and(eq(allergyAlerts.id, id), eq(allergyAlerts.status, from))).run().changes === 1;
    },

    withStatus(status: AlertStatus, createdBefore = Number.MAX_SAFE_INTEGER): AllergyAlertRow[] {
      return db
        .select()
        .from(allergyAlerts)
        .where(and(eq(allergyAlerts.status, status), lte(allergyAlerts.createdAt, createdBefore)))
        .orderBy(asc(allergyAlerts.createdAt))
        .limit(BATCH)
        .all();
    },

    /** Sent alerts whose temporary group is due for archiving. */
    dueForArchive(now: number): AllergyAlertRow[] {
      return db
        .select()
        .from(allergyAlerts)
        .where(and(eq(allergyAlerts.status, 'sent'), lte(allergyAlerts.archiveAt, now)))
        .orderBy(asc(allergyAlerts.archiveAt))
        .limit(BATCH)
        .all();
    },

    /** Alerts whose cards are out and not yet marked burned. */
    cardsNotMarkedBurned(): AllergyAlertRow[] {
      return db
        .select()
        .from(allergyAlerts)
        .where(and(inArray(allergyAlerts.status, ['sent', 'archived']), isNull(allergyAlerts.burnNotedAt), isNotNull(allergyAlerts.ephemeralItemId)))
        .limit(BATCH)
        .all();
    },

    /**
     * Alerts whose raiser's status card may still change: the cards out (archived too: a group can
     * close before the copy burns), not burned before `burnedSince`.
     */
    statusCardLive(burnedSince: number): AllergyAlertRow[] {
      return db
        .select()
        .from(allergyAlerts)
        .where(
          and(
            inArray(allergyAlerts.status, ['sent', 'archived']),
            isNotNull(allergyAlerts.ephemeralItemId),
            or(isNull(allergyAlerts.burnNotedAt), gte(allergyAlerts.burnNotedAt, burnedSince)),
          ),
        )
        .orderBy(asc(allergyAlerts.createdAt))
        .limit(BATCH)
        .all();
    },

    markBurnNoted(id: string, at: number): boolean {
      return db.update(allergyAlerts).set({ burnNotedAt: at }).where(and(eq(allergyAlerts.id, id), isNull(allergyAlerts.burnNotedAt))).run().changes === 1;
    },

    /** The alert whose chat copy is this burn-after-reading item. */
    findByItem(itemId: string): AllergyAlertRow | undefined {
      return db.select().from(allergyAlerts).where(eq(allergyAlerts.ephemeralItemId, itemId)).get();
    },

    /** Records more cards (e.g. sent to an escalation colleague), so "burned" reaches them too. */
    addCards(id: string, cardIds: readonly string[]): void {
      const row = db.select({ cardIds: allergyAlerts.cardIds }).from(allergyAlerts).where(eq(allergyAlerts.id, id)).get();
      if (!row) return;
      const all = [...new Set([...(JSON.parse(row.cardIds) as string[]), ...cardIds])];
      db.update(allergyAlerts).set({ cardIds: JSON.stringify(all) }).where(eq(allergyAlerts.id, id)).run();
    },

    forCase(caseId: string): AllergyAlertRow[] {
      return db.select().from(allergyAlerts).where(eq(allergyAlerts.caseId, caseId)).orderBy(asc(allergyAlerts.createdAt)).all();
    },
  });
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
