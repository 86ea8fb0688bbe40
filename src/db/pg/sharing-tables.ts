import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { DocumentKind, DocumentStatus } from '../../domain/sharing/sharing-tables.js';
import { ms } from './pg-columns.js';

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
  },
  (t) => [index('documents_case_idx').on(t.caseId, t.createdAt)],
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
