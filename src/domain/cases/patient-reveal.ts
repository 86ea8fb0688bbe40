import { DomainError } from '../../shared/errors.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { PatientIdentity, PatientRecords } from '../patients/patient-records.js';
import type { CasesRepository } from './cases-repository.js';

/**
 * Decrypts a case's patient identity. Exists ONLY for the secure viewer, the upload form and the
 * mini-app's patient banner (which run their own access check first); chat code must never be given
 * it. Every call is audited; `reason` says which of them asked (a code, never patient data).
 */
export function createPatientReveal(deps: { cases: CasesRepository; records: PatientRecords; audit: AuditSink }) {
  return {
    async revealPatient(caseId: string, requestedBy: string, reason?: string): Promise<PatientIdentity> {
      const c = await deps.cases.caseById(caseId);
      const identity = c ? await deps.records.reveal(c.patientId) : undefined;
      if (!c || !identity) throw new DomainError('case.not_found');
      deps.audit.append({ actor: requestedBy, action: AUDIT_ACTIONS.casePatientRevealed, target: c.code, outcome: 'success', ...(reason ? { reason } : {}) });
      return identity;
    },
  };
}
export type PatientReveal = ReturnType<typeof createPatientReveal>;
