import { DOCUMENT_TITLE_MAX } from '../../contract/document-types.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { DocumentTitles } from '../../domain/sharing/document-titles.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';

export interface DocumentTitleDeps {
  documents: Pick<DocumentRepository, 'find'>;
  titles: Pick<DocumentTitles, 'set'>;
  audit: AuditSink;
}

/**
 * The sharer names a document they shared (after the upload, in a body: a title may name the patient,
 * so it never travels in a URL or chat). Sealed at rest; shown only in the mini-app. Empty clears it.
 * Audited without the title.
 */
export async function setDocumentTitle(deps: DocumentTitleDeps, me: ClinicianRow, documentId: string, title: string): Promise<void> {
  const doc = await deps.documents.find(documentId);
  if (!doc || doc.status !== 'active') throw new DomainError('document.not_found');
  if (doc.authorId !== me.id) {
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.documentTitled, target: documentId, outcome: 'denied', reason: 'not_author' });
    throw new DomainError('access.denied');
  }
  const clean = title.trim().slice(0, DOCUMENT_TITLE_MAX);
  await deps.titles.set(documentId, clean === '' ? null : clean);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.documentTitled, target: documentId, outcome: 'success' });
}
