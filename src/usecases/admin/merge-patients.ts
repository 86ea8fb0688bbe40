import { CASE_CODE } from '../../domain/cases/case-code.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { PatientRecords } from '../../domain/patients/patient-records.js';
import type { PatientRow, PatientsRepository } from '../../domain/patients/patients-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { maskHkid, normaliseHkid } from '../../shared/hkid.js';
import type { Transaction } from '../../shared/transactions.js';

export interface MergePatientsDeps {
  records: Pick<PatientRecords, 'findByHkid' | 'reveal'>;
  patients: Pick<PatientsRepository, 'findById' | 'mergeInto'>;
  cases: Pick<CasesRepository, 'caseByCode' | 'casesOfPatient' | 'moveCasesToPatient'>;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
}

/** One side of a merge as the privacy officer sees it before confirming: masked HKID and case codes only. */
export interface MergeSide {
  hkidMasked: string;
  cases: { code: string; status: string }[];
}

export interface MergePreview {
  survivor: MergeSide;
  duplicate: MergeSide;
}

/** Who may merge: a verified, active privacy officer; anyone else (admins included) is refused and audited. */
function assertPrivacyOfficer(deps: Pick<MergePatientsDeps, 'audit'>, actor: ClinicianRow): void {
  if (actor.role === 'privacy_officer' && actor.verified && !actor.suspended) return;
  deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.patientsMerged, outcome: 'denied', reason: 'not_privacy_officer' });
  throw new DomainError('access.denied');
}

/** A patient record named by an HKID (through the keyed hash, merged hashes included) or by one of its case codes. */
async function resolve(deps: MergePatientsDeps, ref: string): Promise<PatientRow> {
  const text = ref.trim().toUpperCase();
  let row: PatientRow | undefined;
  if (CASE_CODE.test(text)) {
    const c = await deps.cases.caseByCode(text);
    row = c ? await deps.patients.findById(c.patientId) : undefined;
  } else {
    const hkid = normaliseHkid(ref);
    if (!hkid) throw new DomainError('hkid.invalid');
    row = await deps.records.findByHkid(hkid);
  }
  if (!row) throw new DomainError('patient.not_found');
  return row;
}

/** The audit reason that marks a merge's reveals (preview and result) among the other patient reveals. */
export const MERGE_REVEAL_REASON = 'patient_merge';

/**
 * One record as the officer sees it. Its HKID is decrypted (to be shown masked), so the decryption is
 * audited as a patient reveal, like the banner's: the record's id as target, so the patient's PDPO
 * data access report lists it.
 */
async function side(deps: MergePatientsDeps, actor: ClinicianRow, row: PatientRow): Promise<MergeSide> {
  const identity = await deps.records.reveal(row.id);
  if (identity) deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.casePatientRevealed, target: row.id, outcome: 'success', reason: MERGE_REVEAL_REASON });
  const cases = (await deps.cases.casesOfPatient(row.id)).map((c) => ({ code: c.code, status: c.status }));
  return { hkidMasked: identity ? maskHkid(identity.hkid) : '***', cases };
}

async function pair(deps: MergePatientsDeps, survivorRef: string, duplicateRef: string): Promise<[PatientRow, PatientRow]> {
  const survivor = await resolve(deps, survivorRef);
  const duplicate = await resolve(deps, duplicateRef);
  if (survivor.id === duplicate.id) throw new DomainError('patient.merge_same');
  return [survivor, duplicate];
}

/** Step 1: the two records and the cases on each, for the privacy officer to check before confirming. */
export async function previewPatientMerge(deps: MergePatientsDeps, actor: ClinicianRow, survivorRef: string, duplicateRef: string): Promise<MergePreview> {
  assertPrivacyOfficer(deps, actor);
  const [survivor, duplicate] = await pair(deps, survivorRef, duplicateRef);
  return { survivor: await side(deps, actor, survivor), duplicate: await side(deps, actor, duplicate) };
}

/**
 * Step 2: merges a duplicate patient record into the surviving one — the privacy officer only. Every
 * case (and the consent history) moves to the survivor, and the duplicate's HKID hash resolves to the
 * survivor from now on, so a lookup by either HKID finds it. One transaction with its audit entry.
 */
export async function mergePatients(deps: MergePatientsDeps, actor: ClinicianRow, survivorRef: string, duplicateRef: string): Promise<MergePreview & { casesMoved: number }> {
  assertPrivacyOfficer(deps, actor);
  const [survivor, duplicate] = await pair(deps, survivorRef, duplicateRef);
  const casesMoved = await deps.transaction(async () => {
    const moved = await deps.cases.moveCasesToPatient(duplicate.id, survivor.id);
    await deps.patients.mergeInto(duplicate, survivor.id, actor.id, deps.clock.now());
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.patientsMerged, target: survivor.id, outcome: 'success', reason: `from:${duplicate.id}` }, { now: true });
    return moved;
  });
  return { survivor: await side(deps, actor, survivor), duplicate: await side(deps, actor, duplicate), casesMoved };
}
