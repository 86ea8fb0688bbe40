import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { BreakGlassService } from '../../domain/grants/break-glass.js';
import type { SharingSettings } from '../../domain/sharing/sharing-settings.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';

/** One overseer (an attending of the case, or a privacy officer) to be told of a break-glass now. */
export interface BreakGlassNotice {
  grantId: string;
  overseer: ClinicianRow;
  /** Who broke the glass. */
  by: ClinicianRow;
  caseCode: string;
  expiresAt: number;
}

/** The adapter tells each overseer (the bot: a 1:1 message). */
export interface BreakGlassNotices {
  tellOverseer(n: BreakGlassNotice): Promise<void>;
}

export interface BreakGlassDeps {
  breakGlass: Pick<BreakGlassService, 'breakGlass'>;
  settings: Pick<SharingSettings, 'breakGlassMinReasonLength'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  audit: AuditSink;
  notices: BreakGlassNotices;
}

export type BreakGlassOutcome =
  | { kind: 'reason_too_short'; minLength: number }
  | { kind: 'granted'; grantId: string; expiresAt: number; attendingIds: readonly string[] };

/**
 * Emergency access to a whole case for a verified doctor outside the team: granted at once, queued
 * for review, and every attending and privacy officer (but the clinician) is told. A reason shorter
 * than the minimum is refused (and audited) before the service sees it, so the caller can say what
 * is needed. The free-text reason is stored for the review only, never in audit or notices.
 * Throws `access.denied` when the policy refuses.
 */
export async function breakGlass(deps: BreakGlassDeps, clinician: ClinicianRow, caseRow: Pick<CaseRow, 'id' | 'code'>, reason: string): Promise<BreakGlassOutcome> {
  const minLength = deps.settings.breakGlassMinReasonLength;
  if ([...reason.trim()].length < minLength) {
    deps.audit.append({ actor: clinician.id, action: AUDIT_ACTIONS.breakglassGranted, target: caseRow.id, outcome: 'denied', reason: 'reason_too_short' });
    return { kind: 'reason_too_short', minLength };
  }
  const result = await deps.breakGlass.breakGlass({ caseId: caseRow.id, clinicianId: clinician.id, reason: reason.trim() });
  for (const id of [...result.notify.attendingIds, ...result.notify.privacyOfficerIds]) {
    const overseer = await deps.directory.findById(id);
    if (!overseer || overseer.id === clinician.id) continue;
    await deps.notices.tellOverseer({ grantId: result.grantId, overseer, by: clinician, caseCode: caseRow.code, expiresAt: result.expiresAt });
  }
  return { kind: 'granted', grantId: result.grantId, expiresAt: result.expiresAt, attendingIds: result.notify.attendingIds };
}
