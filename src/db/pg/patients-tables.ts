import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ConsentStatus } from '../../domain/patients/patients-tables.js';
import { institutions } from './directory-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/patients/patients-tables.ts. */
export const patients = pgTable('patients', {
  id: text().primaryKey(),
  hkidHash: text().notNull().unique(),
  hkidCipher: text().notNull(),
  nameCipher: text().notNull(),
  dobCipher: text().notNull(),
  createdAt: ms().notNull(),
  sexCipher: text(),
  recordCipher: text(),
});

export const patientConsents = pgTable(
  'patient_consents',
  {
    id: text().primaryKey(),
    patientId: text().notNull().references(() => patients.id),
    institutionId: text().notNull().references(() => institutions.id),
    status: text().$type<ConsentStatus>().notNull(),
    reference: text(),
    attestedBy: text().notNull(),
    recordedAt: ms().notNull(),
  },
  (t) => [index('patient_consents_lookup_idx').on(t.patientId, t.institutionId, t.recordedAt)],
);

export const restrictedConsents = pgTable(
  'restricted_consents',
  {
    id: text().primaryKey(),
    patientId: text().notNull().references(() => patients.id),
    category: text().notNull(),
    reference: text().notNull(),
    attestedBy: text().notNull(),
    recordedAt: ms().notNull(),
  },
  (t) => [index('restricted_consents_lookup_idx').on(t.patientId, t.category)],
);

export const patientNameTokens = pgTable(
  'patient_name_tokens',
  {
    patientId: text().notNull().references(() => patients.id),
    tokenHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.tokenHash] }), index('patient_name_tokens_hash_idx').on(t.tokenHash)],
);

/** Twin of patient_hkid_aliases: a merged-away record's HKID hash resolves to the surviving record. */
export const patientHkidAliases = pgTable('patient_hkid_aliases', {
  hkidHash: text().primaryKey(),
  patientId: text().notNull().references(() => patients.id),
  mergedFrom: text().notNull(),
  mergedBy: text().notNull(),
  mergedAt: ms().notNull(),
}, (t) => [index('patient_hkid_aliases_patient_idx').on(t.patientId)]);

/** PostgreSQL twin of patient_data_upgrades (src/domain/patients/patients-tables.ts). */
export const patientDataUpgrades = pgTable('patient_data_upgrades', {
  name: text().primaryKey(),
  doneAt: ms().notNull(),
});
