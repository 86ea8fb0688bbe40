import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { renderForViewer } from './render-for-viewer.js';

/**
 * A view by the clinician a view token named (the caller checked the token is theirs): the policy
 * decides again now; the document is decrypted in memory and returned only as a PDF stamped for this
 * viewer with a trace code that maps back to this view's audit entry. There is no raw-file route.
 */
export async function viewDocument(service: Service, viewer: ClinicianRow, documentId: string): Promise<{ pdf: Uint8Array; traceCode: string; caseCode: string }> {
  const { secure, clock } = service;
  const { decision, document, caseCode } = await secure.access.decideView(viewer, documentId);
  if (!decision.allowed) throw new DomainError('access.denied');
  const bytes = await secure.vault.open({ documentId: document.id, caseId: document.caseId });
  let rendered;
  try {
    // The render pool is outside I/O: no transaction is open here, and none is held across it.
    rendered = await renderForViewer(service, viewer, bytes, document.mediaType);
  } finally {
    bytes.fill(0); // the plaintext never outlives the call, whether the render succeeded or not
  }
  const { pdf, traceCode } = rendered;
  // After the render, outside any transaction: the receipt (and its audit entry with the trace code).
  await secure.receipts.markViewed(document.id, viewer.id, clock.now(), traceCode);
  await service.escalation.opened(document.id, viewer.id);
  return { pdf, traceCode, caseCode };
}
