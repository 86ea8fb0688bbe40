import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export type BurnKind = 'text' | 'document';
export type BurnStatus = 'active' | 'destroyed';
/** Why an item was destroyed: every recipient burned, or it reached its maximum lifetime. */
export type BurnEndReason = 'all_burned' | 'max_lifetime';

/**
 * Burn-after-reading items. The deadline the scheduler acts on (`dueAt`) lives here, so it survives a
 * restart: the maximum lifetime, or — once every recipient has opened — the last recipient's burn time.
 * Text content is sealed with the item's own data key, wrapped by the vault keyring's KEK; documents sit
 * in the vault under the item id. Destroying nulls every content and key column (crypto-shredding); the
 * row stays as metadata (case, author, times) so a later open says "burned" and receipts stay answerable.
 */
export const burnItems = sqliteTable(
  'ephemeral_items',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    authorId: text().notNull(),
    kind: text().$type<BurnKind>().notNull(),
    burnAfterMs: integer().notNull(),
    createdAt: integer().notNull(),
    /** End of the maximum lifetime. */
    expiresAt: integer().notNull(),
    dueAt: integer().notNull(),
    status: text().$type<BurnStatus>().notNull(),
    /** Text only: KEK version, wrapped data key, and the sealed text (IV, tag, ciphertext). */
    kekVersion: integer(),
    wrappedKey: blob({ mode: 'buffer' }),
    iv: blob({ mode: 'buffer' }),
    tag: blob({ mode: 'buffer' }),
    ciphertext: blob({ mode: 'buffer' }),
    /** Document only: the vault's media type (the ciphertext is the vault blob named by the item id). */
    mediaType: text(),
    destroyedAt: integer(),
    endReason: text().$type<BurnEndReason>(),
  },
  (t) => [index('ephemeral_items_due_idx').on(t.status, t.dueAt), index('ephemeral_items_case_idx').on(t.caseId)],
);

/** Who an item is for, and each recipient's own countdown: it starts at their first open. */
export const burnRecipients = sqliteTable(
  'ephemeral_recipients',
  {
    itemId: text().notNull().references(() => burnItems.id),
    clinicianId: text().notNull(),
    openedAt: integer(),
    /** openedAt + burnAfterMs, capped at the item's maximum lifetime. */
    burnAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.clinicianId] })],
);

/** The content-free cards announcing an item, so destruction can update each one to "burned". */
export const burnCards = sqliteTable(
  'ephemeral_cards',
  {
    outTrackId: text().primaryKey(),
    itemId: text().notNull().references(() => burnItems.id),
    /** A group card: its conversation; a 1:1 card: the DingTalk user id. */
    conversationId: text(),
    userId: text(),
  },
  (t) => [index('ephemeral_cards_item_idx').on(t.itemId)],
);
