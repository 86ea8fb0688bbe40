import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { SubmissionState } from '../../contract/yida.js';

/**
 * Yida form submissions (issue 14 item 5), one row per form instance: stored when the callback
 * arrives (nothing is lost if DingTalk or our mapping fails later), then fetched, mapped and filed.
 * Ids, codes and times in the clear; the form data fetched from DingTalk is sealed with the
 * free-text cipher (`yida_submissions.form_data`, bound to the row id), so an HKID never rests in clear.
 */
export const yidaSubmissions = sqliteTable(
  'yida_submissions',
  {
    id: text().primaryKey(),
    /** DingTalk's form instance id (`FINST-…`): the idempotency key of the callback. */
    instanceId: text().notNull().unique(),
    formUuid: text().notNull(),
    appType: text().notNull(),
    state: text().$type<SubmissionState>().notNull(),
    /** Why it waits (an error code), or null. */
    errorCode: text(),
    /** Fetch and filing tries so far. */
    attempts: integer().notNull().default(0),
    /** The form data as fetched (JSON), sealed; null until fetched. */
    formData: text(),
    caseId: text(),
    documentId: text(),
    receivedAt: integer().notNull(),
    updatedAt: integer().notNull(),
    /** Who re-mapped, approved or discarded it last (a user id), or null. */
    decidedBy: text(),
  },
  // One state, newest first, a keyset page at a time (the console's list).
  (t) => [index('yida_submissions_state_idx').on(t.state, t.receivedAt, t.id)],
);

/** An admin's mapping of a Yida form onto a case record: component ids and labels only (JSON). */
export const yidaFormMappings = sqliteTable('yida_form_mappings', {
  formUuid: text().primaryKey(),
  mapping: text().notNull(),
  updatedAt: integer().notNull(),
  updatedBy: text().notNull(),
});
