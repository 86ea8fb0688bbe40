import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { institutions } from '../directory/directory-tables.js';

/**
 * Patients exist only as ciphertext plus a keyed lookup hash: the HKID, names, date of birth, sex and record number are
 * sealed by the FieldCipher (AES-256-GCM, bound to field and patient id), and `hkidHash` is an HMAC
 * of the normalised HKID so a second case-open form finds the same patient without decrypting anything.
 */
export const patients = sqliteTable('patients', {
  id: text().primaryKey(),
  hkidHash: text().notNull().unique(),
  hkidCipher: text().notNull(),
  /** JSON `{en?, zh?}` sealed as one field. */
  nameCipher: text().notNull(),
  dobCipher: text().notNull(),
  createdAt: integer().notNull(),
  /** Sex code (patient-sex.ts), sealed; null when the case form left it out. */
  sexCipher: text(),
  /** JSON `{institution, number}`: the institution's own record number, sealed; null when none was entered. */
  recordCipher: text(),
});

export type ConsentStatus = 'granted' | 'withdrawn';

/**
 * eHRSS-style sharing consent per institution, as history: every change is a new row and the latest
 * row wins. Public institutions need no row (see hasSharingConsent).
 */
export const patientConsents = sqliteTable(
  'patient_consents',
  {
    id: text().primaryKey(),
    patientId: text().notNull().references(() => patients.id),
    institutionId: text().notNull().references(() => institutions.id),
    status: text().$type<ConsentStatus>().notNull(),
    /** What the clinician saw, e.g. "eHRSS consent seen": free text, sealed (`ft1.…`, FreeTextCipher). */
    reference: text(),
    attestedBy: text().notNull(),
    recordedAt: integer().notNull(),
  },
  (t) => [index('patient_consents_lookup_idx').on(t.patientId, t.institutionId, t.recordedAt)],
);

/** Extra consent for a restricted data category (eHRSS "restricted control"). */
export const restrictedConsents = sqliteTable(
  'restricted_consents',
  {
    id: text().primaryKey(),
    patientId: text().notNull().references(() => patients.id),
    category: text().notNull(),
    /** Free text, sealed (`ft1.…`, FreeTextCipher). */
    reference: text().notNull(),
    attestedBy: text().notNull(),
    recordedAt: integer().notNull(),
  },
  (t) => [index('restricted_consents_lookup_idx').on(t.patientId, t.category)],
);

/**
 * HKID hashes of patient records merged away (a duplicate made from a mistyped HKID): a lookup by
 * the duplicate's HKID lands on the surviving record. Hashes only, like `patients.hkid_hash`.
 */
export const patientHkidAliases = sqliteTable('patient_hkid_aliases', {
  hkidHash: text().primaryKey(),
  patientId: text().notNull().references(() => patients.id),
  /** The merged-away record's id (its row stays, holding no cases). */
  mergedFrom: text().notNull(),
  mergedBy: text().notNull(),
  mergedAt: integer().notNull(),
  // A later merge of the survivor moves its aliases along (by patient, not a read of every alias).
}, (t) => [index('patient_hkid_aliases_patient_idx').on(t.patientId)]);

/**
 * The keyed blind index behind patient search: one row per (patient, name token), the token only as
 * its HMAC (FieldCipher.nameTokenHash), so the table says nothing without the key. Written with the
 * patient (create, update) and backfilled at start for patients from before it existed.
 */
export const patientNameTokens = sqliteTable(
  'patient_name_tokens',
  {
    patientId: text().notNull().references(() => patients.id),
    tokenHash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.tokenHash] }), index('patient_name_tokens_hash_idx').on(t.tokenHash)],
);

/**
 * Upgrades of patient data that are done (`free_text_sealed`, `name_tokens`): each walks whole tables,
 * after ready in batches, once per database (marked here by its last batch); every later start reads
 * one row and skips it. Everything written since is sealed and indexed as it is written.
 */
export const patientDataUpgrades = sqliteTable('patient_data_upgrades', {
  name: text().primaryKey(),
  doneAt: integer().notNull(),
});
