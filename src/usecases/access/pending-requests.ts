import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { AccessRequestRow } from '../../domain/approvals/approval-repository.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import { DomainError } from '../../shared/errors.js';

export interface PendingRequestDeps {
  documents: Pick<DocumentRepository, 'listByCase'>;
  approvals: Pick<ApprovalService, 'pendingFor'>;
  directory: Pick<DirectoryRepository, 'findByDingTalkId'>;
}

/**
 * The oldest request on any of the case's documents that `deciderId` may decide at its current step,
 * optionally only from the named requesters (by DingTalk user id, as chat mentions them; a name not in
 * the directory matches no one). Throws `approval.none_pending` when there is none.
 */
export async function oldestPendingRequest(
  deps: PendingRequestDeps,
  deciderId: string,
  caseId: string,
  fromRequesters: readonly string[] = [],
): Promise<AccessRequestRow> {
  const docIds = (await deps.documents.listByCase(caseId)).map((d) => d.id);
  const named = await Promise.all(fromRequesters.map(async (u) => (await deps.directory.findByDingTalkId(u))?.id));
  const pending = (await deps.approvals.pendingFor(deciderId, docIds)).filter((r) => named.length === 0 || named.includes(r.requesterId));
  const first = pending[0];
  if (!first) throw new DomainError('approval.none_pending');
  return first;
}
