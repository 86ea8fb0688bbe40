import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { renderForViewer } from '../documents/render-for-viewer.js';

export const secondsLeft = (burnAt: number, now: number) => Math.max(0, Math.ceil((burnAt - now) / 1000));

/**
 * A burn-after-reading document for the clinician its burn view token named (the caller checked the
 * token is theirs). Their first open starts their countdown, so it starts at this fetch; the bytes
 * leave only as a PDF stamped for them with a trace code. Past the deadline: `burned`. Text items
 * open through POST /api/app/burn/:itemId/open, never here.
 */
export async function burnDocument(service: Service, viewer: ClinicianRow, itemId: string): Promise<{ pdf: Uint8Array; remainingSeconds: number; caseCode: string }> {
  const { clock, audit } = service;
  if ((await service.burn.service.peek(viewer, itemId)).kind !== 'document') throw new DomainError('not_found');
  const opened = await service.burn.service.open(viewer, itemId);
  if (opened.firstOpen) await service.escalation.opened(itemId, viewer.id); // stops unread escalation (urgent alerts) at once
  const bytes = opened.bytes!;
  try {
    const { pdf, traceCode } = await renderForViewer(service, viewer, bytes, opened.mediaType!);
    const remainingSeconds = secondsLeft(opened.burnAt, clock.now());
    if (remainingSeconds <= 0) throw new DomainError('burned');
    audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.documentViewed, target: itemId, outcome: 'success', trace: traceCode });
    return { pdf, remainingSeconds, caseCode: service.secure.casesRepo.caseById(opened.caseId)?.code ?? '' };
  } finally {
    bytes.fill(0);
  }
}
