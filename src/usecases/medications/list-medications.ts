import type { MedicationRepository } from '../../domain/medications/medication-repository.js';
import type { MedicationEntry } from '../../domain/medications/medication.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { caseForMedications, type MedicationAccessDeps } from './medication-access.js';

export interface ListMedicationsDeps extends MedicationAccessDeps {
  medications: Pick<MedicationRepository, 'forCase'>;
}

export interface CaseMedications {
  caseId: string;
  caseCode: string;
  /** Active first, then oldest first. */
  entries: MedicationEntry[];
}

/**
 * A case's medication list, for someone the policy lets `readMedications` (the care team). Decrypted for
 * this answer only; the read is audited (case code and a count, never a drug). Throws `access.denied`.
 */
export async function listMedications(deps: ListMedicationsDeps, me: ClinicianRow, code: string): Promise<CaseMedications> {
  const caseRow = await caseForMedications(deps, me, code, 'readMedications', AUDIT_ACTIONS.medicationViewed);
  const entries = await deps.medications.forCase(caseRow.id);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.medicationViewed, target: caseRow.code, outcome: 'success', reason: `entries_${entries.length}` });
  return { caseId: caseRow.id, caseCode: caseRow.code, entries };
}
