import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ReferralSeverity } from '../../contract/referrals.js';
import type { Specialty } from '../../contract/specialties.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import type { OpenReferral, OpenReferralResult } from './referral-ports.js';

export interface RequestReferralDeps {
  open: OpenReferral;
  queries: Pick<CaseQueries, 'teamRoleNow'>;
  directory: Pick<DirectoryRepository, 'institutionByCode'>;
  audit: AuditSink;
}

export interface ReferralRequest {
  specialty: Specialty;
  /** An institution code (e.g. PWH); absent: the configured fallback order. */
  institutionCode?: string;
  severity: ReferralSeverity;
  purposeCode: PurposeOfUse;
  /** Mini-app only (sealed); chat never carries free text. */
  reasonText?: string;
}

export type RequestReferralOutcome = { kind: 'unknown_institution'; code: string } | ({ kind: 'opened' } & OpenReferralResult);

/**
 * A clinician on the case's care team refers it (chat `refer`, the mini-app's Refer form). Anyone else
 * is refused (audited) before anything is routed; an unknown institution code is answered plainly.
 */
export async function requestReferral(deps: RequestReferralDeps, me: ClinicianRow, caseId: string, req: ReferralRequest): Promise<RequestReferralOutcome> {
  if ((await deps.queries.teamRoleNow(caseId, me.id)) === '') {
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.referralOpened, target: caseId, outcome: 'denied', reason: 'not_on_care_team' });
    throw new DomainError('access.denied');
  }
  let institutionId: string | null = null;
  if (req.institutionCode) {
    const code = req.institutionCode.toUpperCase();
    const inst = await deps.directory.institutionByCode(code);
    if (!inst) return { kind: 'unknown_institution', code };
    institutionId = inst.id;
  }
  const out = await deps.open({ caseId, requesterId: me.id, specialty: req.specialty, institutionId, severity: req.severity, purposeCode: req.purposeCode, reasonText: req.reasonText });
  return { kind: 'opened', ...out };
}
