import { and, asc, count, eq, gt, isNull, lte, min, sql } from 'drizzle-orm';
import { burnCards, burnItems, burnRecipients } from '../../db/pg/burn-tables.js';
import { grants } from '../../db/pg/grants-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { vacuumErased } from '../../db/pg/pg-vacuum.js';
import type { BurnRepository } from './burn-repository.js';

/**
 * The burn tables on PostgreSQL: the same port as burn-repository.ts. What differs:
 * - adding a recipient locks the item row (`FOR UPDATE`), so it cannot slip in beside a destruction
 *   committing at the same moment (SQLite runs one writer at a time);
 * - PostgreSQL has no secure_delete: `setSecureDelete` changes nothing and answers false, and
 *   `checkpoint` VACUUMs the items table (see vacuumErased, and its limits).
 */
export function createPgBurnRepository(store: PgStore): BurnRepository {
  const db = () => store.db();
  const active = eq(burnItems.status, 'active');
  return {
    async insert(item, recipientIds, cards) {
      await store.transaction(async () => {
        await db()
          .insert(burnItems)
          .values({ kekVersion: null, wrappedKey: null, iv: null, tag: null, ciphertext: null, ...item, status: 'active' });
        if (recipientIds.length > 0) await db().insert(burnRecipients).values(recipientIds.map((clinicianId) => ({ itemId: item.id, clinicianId })));
        if (cards.length > 0) await db().insert(burnCards).values(cards);
      });
    },
    async find(id) {
      const [row] = await db().select().from(burnItems).where(eq(burnItems.id, id));
      return row;
    },
    async recipients(itemId) {
      return db().select().from(burnRecipients).where(eq(burnRecipients.itemId, itemId));
    },
    async cards(itemId) {
      return db().select().from(burnCards).where(eq(burnCards.itemId, itemId));
    },
    async addRecipient(itemId, clinicianId) {
      return store.transaction(async () => {
        const added = await db().execute(
          sql`INSERT INTO ${burnRecipients} (item_id, clinician_id)
              SELECT id, ${clinicianId} FROM ${burnItems} WHERE id = ${itemId} AND status = 'active' FOR UPDATE
              ON CONFLICT DO NOTHING`,
        );
        if (added.rowCount !== 1) return false;
        await db().update(burnItems).set({ dueAt: sql`${burnItems.expiresAt}` }).where(and(eq(burnItems.id, itemId), active));
        return true;
      });
    },
    async recordOpen(itemId, clinicianId, openedAt, burnAt) {
      const res = await db()
        .update(burnRecipients)
        .set({ openedAt, burnAt })
        .where(and(eq(burnRecipients.itemId, itemId), eq(burnRecipients.clinicianId, clinicianId), isNull(burnRecipients.openedAt)));
      return res.rowCount === 1;
    },
    async setDueAt(itemId, dueAt) {
      await db().update(burnItems).set({ dueAt }).where(and(eq(burnItems.id, itemId), active));
    },
    async due(now, limit) {
      return db().select().from(burnItems).where(and(active, lte(burnItems.dueAt, now))).orderBy(asc(burnItems.dueAt)).limit(limit);
    },
    async nextDueAt() {
      const [row] = await db().select({ at: min(burnItems.dueAt) }).from(burnItems).where(active);
      return row?.at ?? null;
    },
    async pendingCount() {
      const [row] = await db().select({ n: count() }).from(burnItems).where(active);
      return row?.n ?? 0;
    },
    async markDestroyed(id, at, reason) {
      const res = await db()
        .update(burnItems)
        .set({ status: 'destroyed', destroyedAt: at, endReason: reason, wrappedKey: null, iv: null, tag: null, ciphertext: null, kekVersion: null })
        .where(and(eq(burnItems.id, id), active));
      return res.rowCount === 1;
    },
    async breakGlassHolders(caseId, now) {
      const rows = await db()
        .select({ clinicianId: grants.clinicianId })
        .from(grants)
        .where(and(eq(grants.caseId, caseId), eq(grants.kind, 'break_glass'), isNull(grants.revokedAt), gt(grants.expiresAt, now)));
      return rows.map((g) => g.clinicianId);
    },
    async setSecureDelete() {
      return false;
    },
    checkpoint: () => vacuumErased(store, burnItems),
  };
}
