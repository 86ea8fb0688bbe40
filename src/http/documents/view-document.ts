import { AUDIT_ACTIONS } from '../../domain/audit/audit-sink.js';
import type { Service } from '../../service.js';
import { DomainError, isDomainError } from '../../shared/errors.js';
import { renderForViewer } from './render-for-viewer.js';

/**
 * A view through a short-lived view token: the token names one viewer and one document; the policy
 * decides again now; the document is decrypted in memory and returned only as a PDF stamped for this
 * viewer with a trace code that maps back to this view's audit entry. There is no raw-file route.
 */
export async function viewDocument(service: Service, token: string): Promise<{ pdf: Uint8Array; traceCode: string; caseCode: string }> {
  const { secure, directoryRepo, clock, audit } = service;
  let claims;
  try {
    claims = service.viewTokens.verify(token, clock.now());
  } catch (err) {
    const reason = isDomainError(err) ? err.code : 'token.invalid';
    audit.append({ actor: 'anonymous', action: AUDIT_ACTIONS.accessDecision, outcome: 'denied', reason });
    throw err;
  }
  const viewer = directoryRepo.findById(claims.v);
  if (!viewer) throw new DomainError('token.invalid');
  const { decision, document, caseCode } = secure.access.decideView(viewer, claims.d);
  if (!decision.allowed) throw new DomainError('access.denied');
  const bytes = await secure.vault.open({ documentId: document.id, caseId: document.caseId });
  const { pdf, traceCode } = await renderForViewer(service, viewer, bytes, document.mediaType);
  bytes.fill(0);
  secure.receipts.markViewed(document.id, viewer.id, clock.now(), traceCode);
  service.escalation.opened(document.id, viewer.id);
  return { pdf, traceCode, caseCode };
}
