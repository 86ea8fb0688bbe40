import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/sessions/sessions-tables.ts. */
export const sessionFamilies = pgTable(
  'session_families',
  {
    id: text().primaryKey(),
    clinicianId: text().notNull(),
    createdAt: ms().notNull(),
    expiresAt: ms().notNull(),
    revokedAt: ms(),
    revokedReason: text(),
  },
  (t) => [index('session_families_clinician_idx').on(t.clinicianId), index('session_families_expiry_idx').on(t.expiresAt)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text().primaryKey(),
    familyId: text()
      .notNull()
      .references(() => sessionFamilies.id),
    issuedAt: ms().notNull(),
    expiresAt: ms().notNull(),
    usedAt: ms(),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_expiry_idx').on(t.expiresAt)],
);
