import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/directory/directory-tables.ts. */
export const institutions = pgTable('institutions', {
  id: text().primaryKey(),
  code: text().notNull().unique(),
  nameEn: text().notNull(),
  nameZh: text(),
  sector: text().$type<'public' | 'private'>().notNull(),
});

export const clinicians = pgTable(
  'clinicians',
  {
    id: text().primaryKey(),
    dingtalkUserId: text().notNull().unique(),
    nameEn: text(),
    nameZh: text(),
    displayName: text().notNull(),
    title: text(),
    department: text(),
    institutionId: text().references(() => institutions.id),
    role: text().$type<ClinicianRole>(),
    specialty: text(),
    registrationNo: text(),
    verified: boolean().notNull().default(false),
    verifiedBy: text(),
    verifiedAt: ms(),
    suspended: boolean().notNull().default(false),
    language: text().$type<'en' | 'zh'>(),
    createdAt: ms().notNull(),
    updatedAt: ms().notNull(),
  },
  // Who holds a role (privacy officers for approvals and break-glass reviews) without reading the directory.
  // The console's directory pages (issue 15): in the database's collation, like their keyset comparisons.
  (t) => [
    index('clinicians_role_idx').on(t.role),
    index('clinicians_name_idx').on(t.displayName, t.id),
    index('clinicians_verified_name_idx').on(t.verified, t.displayName, t.id),
    // Colleagues without reading the directory (issue 15): an allergy alert's ER team (institution and
    // department), an escalation's same-specialty colleague (specialty as compared: trimmed, lower case),
    // imports matching registration numbers (upper case, as MCHK prints them).
    index('clinicians_department_idx').on(t.institutionId, t.department),
    index('clinicians_specialty_idx').on(t.institutionId, sql`lower(trim(${t.specialty}))`),
    index('clinicians_registration_idx').on(sql`upper(${t.registrationNo})`),
  ],
);

/**
 * Twin of clinician_name_tokens. `text_pattern_ops`: the index answers byte-wise ranges (`~>=~`, `~<~`),
 * so a prefix seek is right whatever the database's locale.
 */
export const clinicianNameTokens = pgTable(
  'clinician_name_tokens',
  {
    clinicianId: text().notNull().references(() => clinicians.id),
    token: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicianId, t.token] }), index('clinician_name_tokens_token_idx').on(t.token.op('text_pattern_ops'), t.clinicianId)],
);
