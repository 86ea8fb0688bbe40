import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { MedicationSource, MedicationStatus } from './medication.js';

/**
 * One row per medication entry on a case. Ids, dates and status are clear (the lists, the idempotent EHR
 * import and retention need them); what the drug is lives in `payload`, sealed by the free-text cipher
 * (JSON MedicationPayload, bound to this column and the row id), and so does an EHR prescriber's name.
 */
export const caseMedications = sqliteTable(
  'case_medications',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    source: text().$type<MedicationSource>().notNull(),
    /** The EHR resource reference; unique per case (NULLs never clash), so importing twice adds nothing. */
    ehrRef: text(),
    prescriberId: text(),
    /** `ft1.…`: the EHR's prescriber name when they are not in our directory. */
    prescriberName: text(),
    institutionId: text(),
    startOn: text(),
    stopOn: text(),
    status: text().$type<MedicationStatus>().notNull(),
    /** `ft1.…`: the sealed MedicationPayload. */
    payload: text().notNull(),
    createdAt: integer().notNull(),
    createdBy: text().notNull(),
  },
  (t) => [index('case_medications_case_idx').on(t.caseId, t.status), uniqueIndex('case_medications_ehr_ref_uq').on(t.caseId, t.ehrRef)],
);
