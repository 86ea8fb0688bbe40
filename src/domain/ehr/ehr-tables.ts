import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Pending EHR writes (src/ehr/queue/): a structured record waits here, encrypted, until the EHR has
 * it. `failed` = the EHR rejected it (kept and visible until an admin retries); `done` rows keep only
 * the EHR's id (the payload is erased once the EHR is the record holder).
 */
export type EhrPendingStatus = 'pending' | 'done' | 'failed';
/** The rows still to send or to retry (`IN` on the status index: never a walk of every row ever sent). */
export const EHR_OPEN_STATUSES: EhrPendingStatus[] = ['pending', 'failed'];
export type EhrPendingKind = 'allergy';

export const ehrPending = sqliteTable(
  'ehr_pending',
  {
    id: text().primaryKey(),
    idemKey: text().notNull().unique(),
    kind: text().$type<EhrPendingKind>().notNull(),
    /** AES-256-GCM ciphertext of the input (it names the patient); '' after delivery. */
    payload: text().notNull(),
    status: text().$type<EhrPendingStatus>().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer().notNull(),
    /** An error code such as `ehr.unavailable:http.503`; never server text. */
    lastError: text(),
    /** The EHR's resource id once written. */
    remoteId: text(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('ehr_pending_due_idx').on(t.status, t.nextAttemptAt)],
);
