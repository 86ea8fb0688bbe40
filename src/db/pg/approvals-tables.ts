import { sql } from 'drizzle-orm';
import { index, integer, json, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AccessRequestStatus } from '../../domain/approvals/approvals-tables.js';
import type { ApproverStep } from '../../domain/approvals/approval-steps.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/approvals/approvals-tables.ts; `chain` is `json` (kept as written, like SQLite's text). */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: text().primaryKey(),
    documentId: text().notNull(),
    caseId: text().notNull(),
    requesterId: text().notNull(),
    reasonCode: text().notNull(),
    chain: json().$type<ApproverStep[]>().notNull(),
    stepIndex: integer().notNull().default(0),
    status: text().$type<AccessRequestStatus>().notNull().default('pending'),
    createdAt: ms().notNull(),
    expiresAt: ms().notNull(),
    decidedAt: ms(),
    grantId: text(),
  },
  (t) => [
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

export const accessRequestSteps = pgTable(
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
    decidedAt: ms().notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.stepIndex] })],
);
