import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Transaction } from '../../shared/transactions.js';
import type { DocumentRepository, DocumentRow } from './document-repository.js';
import type { DocumentKind } from './sharing-tables.js';
import type { DocumentType } from '../../contract/document-types.js';

export interface RegisterDocumentInput {
  /** The vault's document id; a new id is made when the caller has none yet. */
  id?: string;
  caseId: string;
  authorId: string;
  authorInstitutionId?: string | null;
  kind: DocumentKind;
  /** What the sharer says it is; a report when not given. */
  docType?: DocumentType;
  restrictedCategory?: string | null;
  mediaType: string;
  size: number;
}

/** Document metadata lifecycle: registered when shared, linked to its card, marked destroyed when burned. */
export function createSharingService(deps: { repo: DocumentRepository; transaction: Transaction; audit: AuditSink; clock: Clock }) {
  const { repo, transaction, audit, clock } = deps;

  async function requireDocument(id: string): Promise<DocumentRow> {
    const doc = await repo.find(id);
    if (!doc) throw new DomainError('document.not_found');
    return doc;
  }

  return {
    requireDocument,

    async registerDocument(input: RegisterDocumentInput): Promise<DocumentRow> {
      if (!Number.isInteger(input.size) || input.size < 0) throw new DomainError('request.invalid', 'size must be a count of bytes');
      const id = input.id ?? newId();
      // The row and its audit entry commit together.
      await transaction(async () => {
        const created = await repo.insert({
          id,
          caseId: input.caseId,
          authorId: input.authorId,
          authorInstitutionId: input.authorInstitutionId ?? null,
          kind: input.kind,
          docType: input.docType ?? 'report',
          restrictedCategory: input.restrictedCategory ?? null,
          mediaType: input.mediaType,
          size: input.size,
          createdAt: clock.now(),
          status: 'active',
        });
        if (!created) throw new DomainError('conflict', 'document id already registered');
        audit.append({ actor: input.authorId, action: AUDIT_ACTIONS.documentShared, target: id, outcome: 'success', reason: input.kind }, { now: true });
      });
      return requireDocument(id);
    },

    /** Remembers the card that announced the document, so it can later be updated or recalled. */
    async setCardOutTrackId(documentId: string, outTrackId: string): Promise<void> {
      if (!(await repo.setCardOutTrackId(documentId, outTrackId))) throw new DomainError('document.not_found');
    },

    /** Marks the metadata destroyed (the vault shreds the key); returns false if it already was. */
    async markDestroyed(documentId: string, actor = 'system'): Promise<boolean> {
      await requireDocument(documentId);
      const changed = await repo.markDestroyed(documentId);
      if (changed) audit.append({ actor, action: AUDIT_ACTIONS.documentDestroyed, target: documentId, outcome: 'success' });
      return changed;
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
