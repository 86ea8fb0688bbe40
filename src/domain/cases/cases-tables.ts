import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clinicians } from '../directory/directory-tables.js';
import { patients } from '../patients/patients-tables.js';

export type CaseStatus = 'open' | 'closed';

/** A consult case; `code` (C-XXXXX) is the only name chat ever uses for it. */
export const cases = sqliteTable(
  'cases',
  {
    id: text().primaryKey(),
    code: text().notNull().unique(),
    patientId: text().notNull().references(() => patients.id),
    openedBy: text().notNull().references(() => clinicians.id),
    openedAt: integer().notNull(),
    status: text().$type<CaseStatus>().notNull(),
  },
  (t) => [index('cases_patient_idx').on(t.patientId, t.status)],
);

/** DingTalk groups bound to a case. A group belongs to at most one case, so chat commands know which. */
export const caseGroups = sqliteTable(
  'case_groups',
  {
    caseId: text().notNull().references(() => cases.id),
    conversationId: text().notNull().unique(),
    boundBy: text().notNull(),
    boundAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.conversationId] })],
);

export const CARE_ROLES = ['attending', 'consulting', 'referring', 'observer'] as const;
export type CareRole = (typeof CARE_ROLES)[number];

/**
 * Care-team roles over time. A role is active while `effectiveTo` is null; ending it keeps the row,
 * so "who could see this case on 3 May" stays answerable.
 */
export const careTeam = sqliteTable(
  'care_team',
  {
    id: text().primaryKey(),
    caseId: text().notNull().references(() => cases.id),
    clinicianId: text().notNull().references(() => clinicians.id),
    role: text().$type<CareRole>().notNull(),
    /** The group through which the role was given; leaving that group ends the role. */
    viaConversationId: text(),
    effectiveFrom: integer().notNull(),
    effectiveTo: integer(),
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

export const LINK_PURPOSES = ['case_open', 'consent'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** One-time mini-app form links (link intents) sent 1:1 in chat, keyed by the SHA-256 of the intent id. */
export const linkTokens = sqliteTable(
  'link_tokens',
  {
    tokenHash: text().primaryKey(),
    purpose: text().$type<LinkPurpose>().notNull(),
    clinicianId: text().notNull(),
    caseId: text(),
    conversationId: text(),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
    usedAt: integer(),
  },
  (t) => [index('link_tokens_clinician_idx').on(t.clinicianId, t.caseId)],
);
