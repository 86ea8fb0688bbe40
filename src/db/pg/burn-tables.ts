import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { BurnEndReason, BurnKind, BurnStatus } from '../../domain/burn/burn-tables.js';
import { bytea, ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/burn/burn-tables.ts. */
export const burnItems = pgTable(
  'ephemeral_items',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    authorId: text().notNull(),
    kind: text().$type<BurnKind>().notNull(),
    burnAfterMs: ms().notNull(),
    createdAt: ms().notNull(),
    expiresAt: ms().notNull(),
    dueAt: ms().notNull(),
    status: text().$type<BurnStatus>().notNull(),
    kekVersion: integer(),
    wrappedKey: bytea(),
    iv: bytea(),
    tag: bytea(),
    ciphertext: bytea(),
    mediaType: text(),
    destroyedAt: ms(),
    endReason: text().$type<BurnEndReason>(),
  },
  (t) => [index('ephemeral_items_due_idx').on(t.status, t.dueAt), index('ephemeral_items_case_idx').on(t.caseId)],
);

export const burnRecipients = pgTable(
  'ephemeral_recipients',
  {
    itemId: text().notNull().references(() => burnItems.id),
    clinicianId: text().notNull(),
    openedAt: ms(),
    burnAt: ms(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.clinicianId] })],
);

export const burnCards = pgTable(
  'ephemeral_cards',
  {
    outTrackId: text().primaryKey(),
    itemId: text().notNull().references(() => burnItems.id),
    conversationId: text(),
    userId: text(),
  },
  (t) => [index('ephemeral_cards_item_idx').on(t.itemId)],
);
