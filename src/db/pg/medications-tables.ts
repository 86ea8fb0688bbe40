import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MedicationSource, MedicationStatus } from '../../domain/medications/medication.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/medications/medications-tables.ts. */
export const caseMedications = pgTable(
  'case_medications',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    source: text().$type<MedicationSource>().notNull(),
    ehrRef: text(),
    prescriberId: text(),
    prescriberName: text(),
    institutionId: text(),
    startOn: text(),
    stopOn: text(),
    status: text().$type<MedicationStatus>().notNull(),
    payload: text().notNull(),
    createdAt: ms().notNull(),
    createdBy: text().notNull(),
  },
  (t) => [index('case_medications_case_idx').on(t.caseId, t.status), uniqueIndex('case_medications_ehr_ref_uq').on(t.caseId, t.ehrRef)],
);
