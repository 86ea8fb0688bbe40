import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One login = one session family. Every refresh token issued for that login belongs to the family;
 * revoking the family (logout, reuse of an old refresh token, suspension) ends the login at once,
 * including the short-lived access tokens, which carry the family id and are checked against it.
 */
export const sessionFamilies = sqliteTable(
  'session_families',
  {
    id: text().primaryKey(),
    clinicianId: text().notNull(),
    createdAt: integer().notNull(),
    /** Absolute end of the login, however often it is refreshed. */
    expiresAt: integer().notNull(),
    revokedAt: integer(),
    /** A code: `logout`, `refresh_reuse`, `suspended`. */
    revokedReason: text(),
  },
  (t) => [index('session_families_clinician_idx').on(t.clinicianId), index('session_families_expiry_idx').on(t.expiresAt)],
);

/**
 * Refresh tokens, stored only as a SHA-256 hash (they are 256-bit random, so a plain hash is
 * enough; a stolen database file yields no usable token). `usedAt` marks a token rotated away:
 * presenting it again is reuse, and revokes the family.
 */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text().primaryKey(),
    familyId: text()
      .notNull()
      .references(() => sessionFamilies.id),
    issuedAt: integer().notNull(),
    expiresAt: integer().notNull(),
    usedAt: integer(),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_expiry_idx').on(t.expiresAt)],
);
