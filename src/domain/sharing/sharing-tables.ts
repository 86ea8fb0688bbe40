import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DocumentType } from '../../contract/document-types.js';

export type DocumentKind = 'report' | 'ephemeral';
/** `retracted`: shared to the wrong case and withdrawn by its sharer or the attending; views end, the bytes stay for re-filing. */
export type DocumentStatus = 'active' | 'destroyed' | 'retracted';

/**
 * Metadata of a shared document. The encrypted bytes live in the vault under the same id; nothing
 * here says what the document contains in the clear (its type is a code; its optional title is sealed with
 * the free-text cipher; no file name), so a leaked row reveals no patient data.
 * Cases and clinicians are referred to by id only: their tables belong to other contexts.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    authorId: text().notNull(),
    authorInstitutionId: text(),
    kind: text().$type<DocumentKind>().notNull(),
    /** e.g. mental health or sexual health: policy may demand more than care-team membership. */
    restrictedCategory: text(),
    mediaType: text().notNull(),
    size: integer().notNull(),
    createdAt: integer().notNull(),
    /** The DingTalk interactive card announcing the document, so it can be updated or recalled. */
    cardOutTrackId: text(),
    status: text().$type<DocumentStatus>().notNull().default('active'),
    /** What the sharer says it is (report, imaging, lab, …): a code, shown wherever the document is named. */
    docType: text().$type<DocumentType>().notNull().default('report'),
    /** The sharer's optional title, sealed (document-titles.ts); shown only in the mini-app, never in chat. */
    title: text(),
  },
  (t) => [
    index('documents_case_idx').on(t.caseId, t.createdAt),
    // The dashboard's shares in a window (by kind) and retention's expired documents (by status), oldest first.
    index('documents_kind_created_idx').on(t.kind, t.createdAt),
    index('documents_status_created_idx').on(t.status, t.createdAt),
  ],
);

/** Delivery and read receipts, one row per (document, recipient clinician). */
export const documentReceipts = sqliteTable(
  'document_receipts',
  {
    documentId: text()
      .notNull()
      .references(() => documents.id),
    clinicianId: text().notNull(),
    /** When the card reached this recipient. */
    notifiedAt: integer(),
    firstOpenedAt: integer(),
    lastViewedAt: integer(),
    viewCount: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.clinicianId] })],
);
