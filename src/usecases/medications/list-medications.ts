import type { MedicationRepository } from '../../domain/medications/medication-repository.js';
import type { MedicationEntry } from '../../domain/medications/medication.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { pageAcrossRuns } from '../paging/run-pages.js';
import { caseForMedications, type MedicationAccessDeps } from './medication-access.js';

export interface ListMedicationsDeps extends MedicationAccessDeps {
  medications: Pick<MedicationRepository, 'pageForCase'>;
}

export interface CaseMedications {
  caseId: string;
  caseCode: string;
  /** Active first, then stopped ones; each newest first. */
  entries: MedicationEntry[];
  /** Where the next page starts; null on the last. */
  nextCursor: string | null;
}

/** The list's runs in screen order: what the patient takes now, then what was stopped. */
const RUNS = ['active', 'stopped'] as const;

/**
 * A keyset page of a case's medication list, for someone the policy lets `readMedications` (the care team). Decrypted for
 * this answer only; the read is audited (case code and a count, never a drug). Throws `access.denied`.
 */
export async function listMedications(deps: ListMedicationsDeps, me: ClinicianRow, code: string, input: { cursor?: string; limit?: number } = {}): Promise<CaseMedications> {
  const caseRow = await caseForMedications(deps, me, code, 'readMedications', AUDIT_ACTIONS.medicationViewed);
  const page = await pageAcrossRuns(RUNS, input, (status, p) => deps.medications.pageForCase(caseRow.id, status, p), (e) => ({ at: e.createdAt, id: e.id }));
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.medicationViewed, target: caseRow.code, outcome: 'success', reason: `entries_${page.items.length}` });
  return { caseId: caseRow.id, caseCode: caseRow.code, entries: page.items, nextCursor: page.nextCursor };
}
