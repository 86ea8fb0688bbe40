import { and, asc, eq, isNull, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ephemeralCards, ephemeralItems, ephemeralRecipients, type EphemeralEndReason } from './ephemeral-tables.js';

export type EphemeralItemRow = typeof ephemeralItems.$inferSelect;
export type EphemeralRecipientRow = typeof ephemeralRecipients.$inferSelect;
export type EphemeralCardRow = typeof ephemeralCards.$inferSelect;

const active = eq(ephemeralItems.status, 'active');

/** Named queries over the ephemeral tables; synchronous, so callers can group them in one transaction. */
export function createEphemeralRepository(db: Db) {
  return {
    insert(item: typeof ephemeralItems.$inferInsert, recipientIds: string[], cards: EphemeralCardRow[]): void {
      db.insert(ephemeralItems).values(item).run();
      if (recipientIds.length) db.insert(ephemeralRecipients).values(recipientIds.map((clinicianId) => ({ itemId: item.id, clinicianId }))).run();
      if (cards.length) db.insert(ephemeralCards).values(cards).run();
    },

    find(id: string): EphemeralItemRow | undefined {
      return db.select().from(ephemeralItems).where(eq(ephemeralItems.id, id)).get();
    },

    recipients(itemId: string): EphemeralRecipientRow[] {
      return db.select().from(ephemeralRecipients).where(eq(ephemeralRecipients.itemId, itemId)).all();
    },

    cards(itemId: string): EphemeralCardRow[] {
      return db.select().from(ephemeralCards).where(eq(ephemeralCards.itemId, itemId)).all();
    },

    /** Starts one recipient's countdown; false when it had already started. */
    recordOpen(itemId: string, clinicianId: string, openedAt: number, burnAt: number): boolean {
      const res = db
        .update(ephemeralRecipients)
        .set({ openedAt, burnAt })
        .where(and(eq(ephemeralRecipients.itemId, itemId), eq(ephemeralRecipients.clinicianId, clinicianId), isNull(ephemeralRecipients.openedAt)))
        .run();
      return res.changes === 1;
    },

    setDueAt(itemId: string, dueAt: number): void {
      db.update(ephemeralItems).set({ dueAt }).where(and(eq(ephemeralItems.id, itemId), active)).run();
    },

    /** Active items whose deadline has come, earliest first. */
    due(now: number, limit: number): EphemeralItemRow[] {
      return db.select().from(ephemeralItems).where(and(active, lte(ephemeralItems.dueAt, now))).orderBy(asc(ephemeralItems.dueAt)).limit(limit).all();
    },

    /** The earliest deadline of any active item, or null when nothing is pending. */
    nextDueAt(): number | null {
      return db.select({ at: min(ephemeralItems.dueAt) }).from(ephemeralItems).where(active).get()?.at ?? null;
    },

    pendingCount(): number {
      return db.select({ n: sql<number>`count(*)` }).from(ephemeralItems).where(active).get()?.n ?? 0;
    },

    /** Erases the key and every content column; false when the item was already destroyed. */
    markDestroyed(id: string, at: number, reason: EphemeralEndReason): boolean {
      const res = db
        .update(ephemeralItems)
        .set({ status: 'destroyed', destroyedAt: at, endReason: reason, wrappedKey: null, iv: null, tag: null, ciphertext: null, kekVersion: null })
        .where(and(eq(ephemeralItems.id, id), active))
        .run();
      return res.changes === 1;
    },
  };
}

export type EphemeralRepository = ReturnType<typeof createEphemeralRepository>;
