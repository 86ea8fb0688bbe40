import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const institutions = sqliteTable('institutions', {
  id: text().primaryKey(),
  code: text().notNull().unique(),
  nameEn: text().notNull(),
  nameZh: text(),
  sector: text().$type<'public' | 'private'>().notNull(),
});

export type ClinicianRole = 'doctor' | 'nurse' | 'pharmacist' | 'admin' | 'privacy_officer' | 'auditor';

/** The clinician directory; DingTalk users seen for the first time land here unverified. */
export const clinicians = sqliteTable(
  'clinicians',
  {
    id: text().primaryKey(),
    dingtalkUserId: text().notNull().unique(),
    nameEn: text(),
    nameZh: text(),
    /** Name as DingTalk reports it; shown when no curated name is set. */
    displayName: text().notNull(),
    title: text(),
    department: text(),
    institutionId: text().references(() => institutions.id),
    role: text().$type<ClinicianRole>(),
    specialty: text(),
    registrationNo: text(),
    verified: integer({ mode: 'boolean' }).notNull().default(false),
    verifiedBy: text(),
    verifiedAt: integer(),
    suspended: integer({ mode: 'boolean' }).notNull().default(false),
    language: text().$type<'en' | 'zh'>(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  // Who holds a role (privacy officers for approvals and break-glass reviews) without reading the directory.
  // The console's directory pages (issue 15): by name then id, all or the unverified only, a seek per page.
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
 * The directory's name search index (clinician-tokens.ts): one row per (clinician, token), a token being
 * a lower-cased word of an English name, DingTalk id or registration number, or a run of a Chinese name
 * to its end (陳大文 → 陳大文, 大文, 文). A search word finds the tokens it begins (a range seek on
 * `token`), so "wong", "大文" and "陳" all find their clinicians without reading the directory. Written
 * with the clinician (insert, update, import) and backfilled after ready for rows from before it.
 */
export const clinicianNameTokens = sqliteTable(
  'clinician_name_tokens',
  {
    clinicianId: text().notNull().references(() => clinicians.id),
    token: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicianId, t.token] }), index('clinician_name_tokens_token_idx').on(t.token, t.clinicianId)],
);
