import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
  (t) => [index('clinicians_role_idx').on(t.role)],
);
