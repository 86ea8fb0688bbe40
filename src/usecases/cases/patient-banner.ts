import type { PatientSex } from '../../contract/patient-sex.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { PatientReveal } from '../../domain/cases/patient-reveal.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { maskHkid } from '../../shared/hkid.js';
import { mayOpenRecords, type MayOpenRecordsDeps } from './may-open-records.js';

export interface PatientBannerDeps extends MayOpenRecordsDeps {
  reveal: Pick<PatientReveal, 'revealPatient'>;
  audit: AuditSink;
  clock: Clock;
}

/** Who the patient is, as the case screen's banner shows it. Decrypted for this one answer; never stored or sent to chat. */
export interface PatientBanner {
  caseCode: string;
  nameEn: string | null;
  nameZh: string | null;
  /** A code (words in src/contract/patient-sex.ts); null when the case form left it out. */
  sex: PatientSex | null;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** Whole years on today's date in Hong Kong. */
  ageYears: number;
  /** `A123***(3)`: letter(s), first three digits, the check character. */
  hkidMasked: string;
  /** The institution's own record number, where one was entered. */
  recordNumber: string | null;
  /** The code of the institution that number belongs to. */
  recordInstitution: string | null;
}

/** The audit reason code that marks a banner's reveal (and refusal) among the other reveals. */
export const BANNER_REASON = 'patient_banner';

/**
 * The patient banner: only for a clinician the policy lets open the case's records now — the same
 * Cedar `view` decision as opening one of its documents (care team, approved grant or break-glass,
 * consent, clinical role; so never an admin, never someone merely in the group). Allowed: the
 * identity is decrypted for this answer and the reveal audited; refused: `access.denied`, audited as
 * a denied reveal. (The caller refuses an unknown case code the same way, so codes cannot be probed.)
 */
export async function patientBanner(deps: PatientBannerDeps, viewer: ClinicianRow, caseRow: CaseRow): Promise<PatientBanner> {
  if (!(await mayOpenRecords(deps, viewer, caseRow.id))) {
    deps.audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.casePatientRevealed, target: caseRow.code, outcome: 'denied', reason: BANNER_REASON });
    throw new DomainError('access.denied');
  }
  const p = await deps.reveal.revealPatient(caseRow.id, viewer.id, BANNER_REASON);
  return {
    caseCode: caseRow.code,
    nameEn: p.nameEn ?? null,
    nameZh: p.nameZh ?? null,
    sex: p.sex ?? null,
    dateOfBirth: p.dateOfBirth,
    ageYears: ageOn(p.dateOfBirth, deps.clock.now()),
    hkidMasked: maskHkid(p.hkid),
    recordNumber: p.record?.number ?? null,
    recordInstitution: p.record?.institution ?? null,
  };
}

const HK_OFFSET_MS = 8 * 3600_000;

/** Whole years between a YYYY-MM-DD birth date and `now`'s date in Hong Kong. */
export function ageOn(dateOfBirth: string, now: number): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const today = new Date(now + HK_OFFSET_MS);
  const [ty, tm, td] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
