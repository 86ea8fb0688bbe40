import type { MedicationRepository } from '../../domain/medications/medication-repository.js';
import type { MedicationEntry } from '../../domain/medications/medication.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { hkDate } from '../../shared/hk-time.js';
import type { Transaction } from '../../shared/transactions.js';
import { caseForMedications, type MedicationAccessDeps } from './medication-access.js';

export interface StopMedicationDeps extends MedicationAccessDeps {
  medications: Pick<MedicationRepository, 'find' | 'stop'>;
  transaction: Transaction;
  clock: Clock;
}

/**
 * Stops an active entry today (Hong Kong date), for someone the policy lets `addMedication` on the case.
 * A stopped entry is no longer checked against new ones. Throws `access.denied`, `case.closed`,
 * `medication.not_found` (not an entry of this case), `conflict` (already stopped).
 */
export async function stopMedication(deps: StopMedicationDeps, me: ClinicianRow, code: string, entryId: string): Promise<MedicationEntry> {
  const caseRow = await caseForMedications(deps, me, code, 'addMedication', AUDIT_ACTIONS.medicationStopped);
  return deps.transaction(async () => {
    const entry = await deps.medications.find(caseRow.id, entryId);
    if (!entry) throw new DomainError('medication.not_found');
    const today = hkDate(deps.clock.now());
    const stopOn = entry.stopOn !== null && entry.stopOn < today ? entry.stopOn : today;
    if (!(await deps.medications.stop(caseRow.id, entryId, stopOn))) throw new DomainError('conflict', 'already stopped');
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.medicationStopped, target: caseRow.code, outcome: 'success', reason: entry.source }, { now: true });
    return { ...entry, status: 'stopped', stopOn };
  });
}
