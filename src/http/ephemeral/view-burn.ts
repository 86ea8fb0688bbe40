import { AUDIT_ACTIONS } from '../../domain/audit/audit-sink.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';
import { DomainError, isDomainError } from '../../shared/errors.js';
import { renderForViewer } from '../documents/render-for-viewer.js';

const secondsLeft = (burnAt: number, now: number) => Math.max(0, Math.ceil((burnAt - now) / 1000));

/** The viewer and item a burn view token names; a bad token is audited like a document one. */
function viewerOf(service: Service, token: string): { viewer: ClinicianRow; itemId: string } {
  try {
    const claims = service.burn.viewTokens.verify(token, service.clock.now());
    const viewer = service.directoryRepo.findById(claims.v);
    if (!viewer) throw new DomainError('token.invalid');
    return { viewer, itemId: claims.d };
  } catch (err) {
    service.audit.append({ actor: 'anonymous', action: AUDIT_ACTIONS.accessDecision, outcome: 'denied', reason: isDomainError(err) ? err.code : 'token.invalid' });
    throw err;
  }
}

/** What the page may show before opening: kind, case, and the countdown (no side effects). */
export function burnMeta(service: Service, token: string) {
  const { viewer, itemId } = viewerOf(service, token);
  const v = service.burn.service.peek(viewer, itemId);
  return {
    kind: v.kind,
    caseCode: service.secure.casesRepo.caseById(v.caseId)?.code ?? '',
    burnAfterSeconds: v.burnAfterMs / 1000,
    remainingSeconds: v.burnAt === null ? null : secondsLeft(v.burnAt, service.clock.now()),
  };
}

export type BurnView =
  | { kind: 'text'; text: string; remainingSeconds: number }
  | { kind: 'document'; pdf: Uint8Array; remainingSeconds: number; caseCode: string };

/**
 * Opens for the token's viewer (their first open starts their countdown). Text comes back as is;
 * a document only as a PDF stamped for this viewer with a trace code. Past the deadline: `burned`.
 */
export async function burnContent(service: Service, token: string): Promise<BurnView> {
  const { viewer, itemId } = viewerOf(service, token);
  const { clock, audit } = service;
  const opened = await service.burn.service.open(viewer, itemId);
  if (opened.firstOpen) service.escalation.opened(itemId, viewer.id); // stops unread escalation (urgent alerts) at once
  if (opened.kind === 'text') return { kind: 'text', text: opened.text!, remainingSeconds: secondsLeft(opened.burnAt, clock.now()) };
  const bytes = opened.bytes!;
  try {
    const { pdf, traceCode } = await renderForViewer(service, viewer, bytes, opened.mediaType!);
    const remainingSeconds = secondsLeft(opened.burnAt, clock.now());
    if (remainingSeconds <= 0) throw new DomainError('burned');
    audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.documentViewed, target: itemId, outcome: 'success', trace: traceCode });
    return { kind: 'document', pdf, remainingSeconds, caseCode: service.secure.casesRepo.caseById(opened.caseId)?.code ?? '' };
  } finally {
    bytes.fill(0);
  }
}
