import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { SubmissionState } from '../../contract/yida.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/forms/yida-tables.ts. */
export const yidaSubmissions = pgTable(
  'yida_submissions',
  {
    id: text().primaryKey(),
    instanceId: text().notNull().unique(),
    formUuid: text().notNull(),
    appType: text().notNull(),
    state: text().$type<SubmissionState>().notNull(),
    errorCode: text(),
    attempts: integer().notNull().default(0),
    formData: text(),
    caseId: text(),
    documentId: text(),
    receivedAt: ms().notNull(),
    updatedAt: ms().notNull(),
    decidedBy: text(),
  },
  // One state, newest first, a keyset page at a time (the console's list).
  (t) => [index('yida_submissions_state_idx').on(t.state, t.receivedAt, t.id)],
);

export const yidaFormMappings = pgTable('yida_form_mappings', {
  formUuid: text().primaryKey(),
  mapping: text().notNull(),
  updatedAt: ms().notNull(),
  updatedBy: text().notNull(),
});
