import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { allergyAlerts } from '../../db/pg/alerts-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { AlertRepository } from './alert-repository.js';

const BATCH = 200;

/**
 * allergy_alerts on PostgreSQL: the same port as alert-repository.ts. What differs: `addCards` reads
 * the card list with the row locked (`FOR UPDATE`), so two instances adding cards at once both land
 * (SQLite runs one writer at a time).
 */
export function createPgAlertRepository(store: PgStore): AlertRepository {
  const db = () => store.db();
  const one = (r: { rowCount: number | null }) => r.rowCount === 1;
  return {
    async insert(row) {
      return one(await db().insert(allergyAlerts).values(row).onConflictDoNothing({ target: allergyAlerts.id }));
    },
    async find(id) {
      const [row] = await db().select().from(allergyAlerts).where(eq(allergyAlerts.id, id));
      return row;
    },
    async advance(id, from, set) {
      return one(await db().update(allergyAlerts).set(set).where(and(eq(allergyAlerts.id, id), eq(allergyAlerts.status, from))));
    },
    async withStatus(status, createdBefore = Number.MAX_SAFE_INTEGER) {
      return db()
        .select()
        .from(allergyAlerts)
        .where(and(eq(allergyAlerts.status, status), lte(allergyAlerts.createdAt, createdBefore)))
        .orderBy(asc(allergyAlerts.createdAt))
        .limit(BATCH);
    },
    async dueForArchive(now) {
      return db()
        .select()
        .from(allergyAlerts)
        .where(and(eq(allergyAlerts.status, 'sent'), lte(allergyAlerts.archiveAt, now)))
        .orderBy(asc(allergyAlerts.archiveAt))
        .limit(BATCH);
    },
    async cardsNotMarkedBurned() {
      return db()
        .select()
        .from(allergyAlerts)
        .where(and(inArray(allergyAlerts.status, ['sent', 'archived']), isNull(allergyAlerts.burnNotedAt), isNotNull(allergyAlerts.ephemeralItemId)))
        .limit(BATCH);
    },
    async statusCardLive(burnedSince) {
      return db()
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
        .limit(BATCH);
    },
    async markBurnNoted(id, at) {
      return one(await db().update(allergyAlerts).set({ burnNotedAt: at }).where(and(eq(allergyAlerts.id, id), isNull(allergyAlerts.burnNotedAt))));
    },
    async findByItem(itemId) {
      const [row] = await db().select().from(allergyAlerts).where(eq(allergyAlerts.ephemeralItemId, itemId)).limit(1);
      return row;
    },
    async addCards(id, cardIds) {
      await store.transaction(async () => {
        const [row] = await db().select({ cardIds: allergyAlerts.cardIds }).from(allergyAlerts).where(eq(allergyAlerts.id, id)).for('update');
        if (!row) return;
        const all = [...new Set([...(JSON.parse(row.cardIds) as string[]), ...cardIds])];
        await db().update(allergyAlerts).set({ cardIds: JSON.stringify(all) }).where(eq(allergyAlerts.id, id));
      });
    },
    async forCase(caseId) {
      return db().select().from(allergyAlerts).where(eq(allergyAlerts.caseId, caseId)).orderBy(asc(allergyAlerts.createdAt));
    },
  };
}
