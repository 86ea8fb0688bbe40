import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { CallLevel } from '../../domain/rosters/on-call.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/rosters/roster-tables.ts. */
export const rosterShifts = pgTable(
  'roster_shifts',
  {
    id: text().primaryKey(),
    institutionId: text().notNull(),
    specialty: text().notNull(),
    clinicianId: text().notNull(),
    level: text().$type<CallLevel>().notNull(),
    startsAt: ms().notNull(),
    endsAt: ms().notNull(),
    createdBy: text().notNull(),
    createdAt: ms().notNull(),
  },
  (t) => [
    index('roster_shifts_on_idx').on(t.institutionId, t.specialty, t.endsAt, t.startsAt),
    index('roster_shifts_clinician_idx').on(t.clinicianId, t.endsAt, t.startsAt),
  ],
);

export const rosterSettings = pgTable(
  'roster_settings',
  {
    institutionId: text().notNull(),
    specialty: text().notNull(),
    ownerClinicianId: text(),
    escalationContactId: text(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.specialty] })],
);
