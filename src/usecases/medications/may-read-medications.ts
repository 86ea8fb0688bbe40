import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { caseForMedications, type MedicationAccessDeps } from './medication-access.js';

/**
 * The case, when the policy lets `me` read its medication list now (the chat's `meds` answers with a
 * link only then); otherwise `access.denied`, audited. Nothing is read, so nothing else is audited.
 */
export async function mayReadMedications(deps: MedicationAccessDeps, me: ClinicianRow, code: string): Promise<CaseRow> {
  return caseForMedications(deps, me, code, 'readMedications', AUDIT_ACTIONS.medicationViewed);
}
