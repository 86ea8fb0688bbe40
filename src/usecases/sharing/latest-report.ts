import type { DocumentRepository, DocumentRow } from '../../domain/sharing/document-repository.js';
import { DomainError } from '../../shared/errors.js';

/**
 * The case's newest active shared document: the one a request for access or a "why" names when only
 * the case is given. Throws `document.not_found` when the case has none.
 */
export async function latestReport(deps: { documents: Pick<DocumentRepository, 'listByCase'> }, caseId: string): Promise<DocumentRow> {
  const docs = (await deps.documents.listByCase(caseId)).filter((d) => d.status === 'active');
  const doc = docs.sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!doc) throw new DomainError('document.not_found');
  return doc;
}
