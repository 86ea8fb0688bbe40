import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CallLevel } from './on-call.js';

/**
 * On-call rosters: one row per shift of one clinician at one institution × specialty. A shift covers
 * [startsAt, endsAt) in epoch ms and may span midnight (days are Hong Kong days wherever shown). Ids
 * only, no patient data. "Who is on at t" reads the (institution, specialty, ends_at) index: a shift
 * that ended before t is never visited, so the history does not slow the question down.
 */
export const rosterShifts = sqliteTable(
  'roster_shifts',
  {
    id: text().primaryKey(),
    institutionId: text().notNull(),
    /** A code of src/contract/specialties.ts. */
    specialty: text().notNull(),
    clinicianId: text().notNull(),
    level: text().$type<CallLevel>().notNull(),
    startsAt: integer().notNull(),
    endsAt: integer().notNull(),
    createdBy: text().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [
    index('roster_shifts_on_idx').on(t.institutionId, t.specialty, t.endsAt, t.startsAt),
    index('roster_shifts_clinician_idx').on(t.clinicianId, t.endsAt, t.startsAt),
  ],
);

/** Per institution × specialty: who keeps the roster (may edit it by command) and whom to escalate to last. */
export const rosterSettings = sqliteTable(
  'roster_settings',
  {
    institutionId: text().notNull(),
    specialty: text().notNull(),
    ownerClinicianId: text(),
    escalationContactId: text(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.specialty] })],
);
