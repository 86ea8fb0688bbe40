import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { DocumentKind, DocumentStatus } from '../../domain/sharing/sharing-tables.js';
import { ms } from './pg-columns.js';
import type { DocumentType } from '../../contract/document-types.js';

/** PostgreSQL twin of src/domain/sharing/sharing-tables.ts. */
export const documents = pgTable(
  'documents',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    authorId: text().notNull(),
    authorInstitutionId: text(),
    kind: text().$type<DocumentKind>().notNull(),
    restrictedCategory: text(),
    mediaType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    createdAt: ms().notNull(),
    cardOutTrackId: text(),
    status: text().$type<DocumentStatus>().notNull().default('active'),
    docType: text().$type<DocumentType>().notNull().default('report'),
    title: text(),
  },
  (t) => [
    index('documents_case_idx').on(t.caseId, t.createdAt),
    // The dashboard's shares in a window (by kind) and retention's expired documents (by status), oldest first.
    index('documents_kind_created_idx').on(t.kind, t.createdAt),
    index('documents_status_created_idx').on(t.status, t.createdAt),
  ],
);

export const documentReceipts = pgTable(
  'document_receipts',
  {
    documentId: text()
      .notNull()
      .references(() => documents.id),
    clinicianId: text().notNull(),
    notifiedAt: ms(),
    firstOpenedAt: ms(),
    lastViewedAt: ms(),
    viewCount: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.clinicianId] })],
);
