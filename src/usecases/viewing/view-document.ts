import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import type { ReceiptService } from '../../domain/sharing/receipts.js';
import type { Vault } from '../../domain/vault/vault-service.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { StampForViewer } from './stamp-for-viewer.js';

export interface ViewDocumentDeps {
  access: Pick<DocumentAccess, 'decideView'>;
  vault: Pick<Vault, 'open'>;
  stamp: StampForViewer;
  receipts: Pick<ReceiptService, 'markViewed'>;
  escalation: Pick<EscalationService, 'opened'>;
  clock: Clock;
}

/**
 * View a document — the one home of this intent, whichever way it arrived: the policy decides again
 * now; the document is decrypted in memory and leaves only as a PDF stamped for this viewer with a
 * trace code that maps back to this view's audit entry (the receipt's). There is no raw-file route.
 * The caller has checked that the view token names this viewer.
 */
export async function viewDocument(deps: ViewDocumentDeps, viewer: ClinicianRow, documentId: string): Promise<{ pdf: Uint8Array; traceCode: string; caseCode: string }> {
  const { decision, document, caseCode } = await deps.access.decideView(viewer, documentId);
  if (!decision.allowed) throw new DomainError('access.denied');
  const bytes = await deps.vault.open({ documentId: document.id, caseId: document.caseId });
  let rendered;
  try {
    // The render pool is outside I/O: no transaction is open here, and none is held across it.
    rendered = await deps.stamp(viewer, bytes, document.mediaType, document.docType);
  } finally {
    bytes.fill(0); // the plaintext never outlives the call, whether the render succeeded or not
  }
  const { pdf, traceCode } = rendered;
  // After the render, outside any transaction: the receipt (and its audit entry with the trace code).
  await deps.receipts.markViewed(document.id, viewer.id, deps.clock.now(), traceCode);
  await deps.escalation.opened(document.id, viewer.id);
  return { pdf, traceCode, caseCode };
}
