import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { CareRole, CaseStatus, LinkPurpose } from '../../domain/cases/cases-tables.js';
import { clinicians } from './directory-tables.js';
import { patients } from './patients-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/cases/cases-tables.ts. */
export const cases = pgTable(
  'cases',
  {
    id: text().primaryKey(),
    code: text().notNull().unique(),
    patientId: text().notNull().references(() => patients.id),
    openedBy: text().notNull().references(() => clinicians.id),
    openedAt: ms().notNull(),
    status: text().$type<CaseStatus>().notNull(),
  },
  (t) => [index('cases_patient_idx').on(t.patientId, t.status)],
);

export const caseGroups = pgTable(
  'case_groups',
  {
    caseId: text().notNull().references(() => cases.id),
    conversationId: text().notNull().unique(),
    boundBy: text().notNull(),
    boundAt: ms().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.conversationId] })],
);

export const careTeam = pgTable(
  'care_team',
  {
    id: text().primaryKey(),
    caseId: text().notNull().references(() => cases.id),
    clinicianId: text().notNull().references(() => clinicians.id),
    role: text().$type<CareRole>().notNull(),
    viaConversationId: text(),
    effectiveFrom: ms().notNull(),
    effectiveTo: ms(),
    addedBy: text().notNull(),
    removedBy: text(),
    removedReason: text(),
  },
  (t) => [
    index('care_team_case_idx').on(t.caseId, t.clinicianId),
    index('care_team_via_idx').on(t.viaConversationId),
    // A clinician's cases (inbox, my cases) without walking every case's team.
    index('care_team_clinician_idx').on(t.clinicianId, t.effectiveTo),
  ],
);

export const linkTokens = pgTable(
  'link_tokens',
  {
    tokenHash: text().primaryKey(),
    purpose: text().$type<LinkPurpose>().notNull(),
    clinicianId: text().notNull(),
    caseId: text(),
    conversationId: text(),
    createdAt: ms().notNull(),
    expiresAt: ms().notNull(),
    usedAt: ms(),
  },
  (t) => [index('link_tokens_clinician_idx').on(t.clinicianId, t.caseId)],
);
