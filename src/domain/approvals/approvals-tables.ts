import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ApproverStep } from './approval-steps.js';

export type AccessRequestStatus = 'pending' | 'approved' | 'denied' | 'expired';

/**
 * A clinician's request to view one document. `chain` is the approver chain fixed when the request
 * was made (JSON array of steps), so a config change never moves a request that is already in flight;
 * `stepIndex` is the step now waiting for a decision.
 */
export const accessRequests = sqliteTable(
  'access_requests',
  {
    id: text().primaryKey(),
    documentId: text().notNull(),
    caseId: text().notNull(),
    requesterId: text().notNull(),
    reasonCode: text().notNull(),
    chain: text({ mode: 'json' }).$type<ApproverStep[]>().notNull(),
    stepIndex: integer().notNull().default(0),
    status: text().$type<AccessRequestStatus>().notNull().default('pending'),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
    decidedAt: integer(),
    grantId: text(),
  },
  (t) => [
    // At most one pending request per requester and document, enforced by the database itself.
    uniqueIndex('access_requests_pending_uq')
      .on(t.documentId, t.requesterId)
      .where(sql`status = 'pending'`),
    index('access_requests_expiry_idx').on(t.status, t.expiresAt),
    // A requester's requests, newest first; a document's request history.
    index('access_requests_requester_idx').on(t.requesterId, t.createdAt),
    index('access_requests_document_idx').on(t.documentId, t.createdAt),
    // Requests decided in a window (the dashboard).
    index('access_requests_decided_idx').on(t.decidedAt),
    // Requests in one state, newest first, a keyset page at a time (the console's oversight list).
    index('access_requests_status_created_idx').on(t.status, t.createdAt, t.id),
  ],
);

/** One row per decided step. `note` is the decider's optional free text: stored sealed (FreeTextCipher), never audited. */
export const accessRequestSteps = sqliteTable(
  'access_request_steps',
  {
    requestId: text()
      .notNull()
      .references(() => accessRequests.id),
    stepIndex: integer().notNull(),
    step: text().$type<ApproverStep>().notNull(),
    deciderId: text().notNull(),
    decision: text().$type<'approve' | 'deny'>().notNull(),
    note: text(),
    decidedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.stepIndex] })],
);
