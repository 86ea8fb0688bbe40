import type { DocumentType } from '../../contract/document-types.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';

/**
 * The types of the shared documents among the ids a console screen shows (audit targets), so a
 * document reads as "Lab result" rather than an id. Ids that are not documents (people, cases,
 * requests) are left out of the map. The title is never read: it is for the mini-app only.
 */
export async function documentTypesOf(deps: { documents: Pick<DocumentRepository, 'find'> }, ids: Iterable<string | null | undefined>): Promise<Map<string, DocumentType>> {
  const types = new Map<string, DocumentType>();
  for (const id of new Set(ids)) {
    if (!id || types.has(id)) continue;
    const doc = await deps.documents.find(id);
    if (doc) types.set(id, doc.docType);
  }
  return types;
}
