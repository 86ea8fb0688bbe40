import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
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
  (t) => [index('clinicians_role_idx').on(t.role)],
);
