import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { DocumentRepository, DocumentRow, ReceiptRow } from './document-repository.js';

export interface OpenedBy {
  clinicianId: string;
  firstOpenedAt: number;
  lastViewedAt: number;
  viewCount: number;
}

export interface NotOpened {
  clinicianId: string;
  /** Null when the card never reached this recipient. */
  notifiedAt: number | null;
}

export interface DocumentReceipts {
  documentId: string;
  kind: DocumentRow['kind'];
  docType: DocumentRow['docType'];
  status: DocumentRow['status'];
  authorId: string;
  createdAt: number;
  openedBy: OpenedBy[];
  notOpened: NotOpened[];
}

/** Who should have seen a document: one list for the whole case, or a list per document. */
export type Recipients = readonly string[] | ((doc: DocumentRow) => readonly string[]);

/**
 * Pure: opened-by (everyone who opened, recipient or not, in opening order) and not-yet-opened
 * (recipients without an opening; the author is never "not yet opened" on their own document).
 */
export function summariseReceipts(doc: DocumentRow, receipts: readonly ReceiptRow[], recipients: readonly string[]): DocumentReceipts {
  const byClinician = new Map(receipts.map((r) => [r.clinicianId, r]));
  const openedBy = receipts
    .filter((r) => r.firstOpenedAt !== null)
    .map((r) => ({ clinicianId: r.clinicianId, firstOpenedAt: r.firstOpenedAt!, lastViewedAt: r.lastViewedAt ?? r.firstOpenedAt!, viewCount: r.viewCount }))
    .sort((a, b) => a.firstOpenedAt - b.firstOpenedAt);
  const opened = new Set(openedBy.map((o) => o.clinicianId));
  const notOpened = [...new Set(recipients)]
    .filter((id) => id !== doc.authorId && !opened.has(id))
    .map((id) => ({ clinicianId: id, notifiedAt: byClinician.get(id)?.notifiedAt ?? null }));
  return { documentId: doc.id, kind: doc.kind, docType: doc.docType, status: doc.status, authorId: doc.authorId, createdAt: doc.createdAt, openedBy, notOpened };
}

/** Delivery and read receipts. Names are the caller's business: everything here is ids and times. */
export function createReceiptService(deps: { repo: DocumentRepository; audit: AuditSink; clock: Clock }) {
  const { repo, audit, clock } = deps;

  return {
    /** The document's card reached these recipients. */
    async markNotified(documentId: string, clinicianIds: readonly string[], now = clock.now()): Promise<void> {
      if (!(await repo.find(documentId))) throw new DomainError('document.not_found');
      for (const id of new Set(clinicianIds)) await repo.upsertNotified(documentId, id, now);
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.documentNotified, target: documentId, outcome: 'success', at: now });
    },

    /** One opening of the document by a clinician (after access was allowed and the view served). */
    async markViewed(documentId: string, clinicianId: string, now = clock.now(), trace?: string): Promise<ReceiptRow> {
      if (!(await repo.find(documentId))) throw new DomainError('document.not_found');
      const row = await repo.upsertViewed(documentId, clinicianId, now);
      // The trace code printed on the watermark maps back to this entry (`npm run audit -- trace CODE`).
      audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.documentViewed, target: documentId, outcome: 'success', at: now, trace });
      return row;
    },

    /** Per document of one page of a case's (rows from pageByCase): who opened it and which recipients have not yet. */
    async receiptsForDocuments(docs: readonly DocumentRow[], recipients: Recipients): Promise<DocumentReceipts[]> {
      const byDocument = new Map<string, ReceiptRow[]>();
      for (const r of await repo.receiptsOf(docs.map((d) => d.id))) byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), r]);
      return docs.map((doc) => summariseReceipts(doc, byDocument.get(doc.id) ?? [], typeof recipients === 'function' ? recipients(doc) : recipients));
    },

    /** Per document of the case, oldest first: who opened it and which recipients have not yet. */
    async receiptsForCase(caseId: string, recipients: Recipients): Promise<DocumentReceipts[]> {
      const byDocument = new Map<string, ReceiptRow[]>();
      for (const r of await repo.receiptsForCase(caseId)) byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), r]);
      return (await repo.listByCase(caseId)).map((doc) => {
        const list = typeof recipients === 'function' ? recipients(doc) : recipients;
        return summariseReceipts(doc, byDocument.get(doc.id) ?? [], list);
      });
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
