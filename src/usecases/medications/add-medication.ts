import type { MedicationRepository } from '../../domain/medications/medication-repository.js';
import type { MedicationLexicon } from '../../domain/medications/medication-lexicon.js';
import type { MedicationEntry, OnMedicationAdded } from '../../domain/medications/medication.js';
import { resolveIngredients } from '../../domain/medications/resolve-ingredients.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { Transaction } from '../../shared/transactions.js';
import { caseForMedications, type MedicationAccessDeps } from './medication-access.js';
import { checkMedicationInput, type MedicationInput } from './medication-input.js';
import { announceAdded, type AnnounceDeps } from './announce-added.js';

export interface AddMedicationDeps extends MedicationAccessDeps, AnnounceDeps {
  medications: Pick<MedicationRepository, 'insert'>;
  lexicon: MedicationLexicon;
  transaction: Transaction;
  clock: Clock;
  onAdded: OnMedicationAdded;
}

export interface MedicationAddedResult {
  entry: MedicationEntry;
  /** Names not resolved, so not checked for interactions (the prescriber is told so). */
  unresolved: string[];
}

/**
 * A clinician on the care team records a medication on a case (mini-app form, or a voice note they
 * confirmed). Its ingredients come from the lexicon ids they confirmed (or a sure match of the text);
 * the entry is sealed and stored with its audit entry in one transaction, and only after COMMIT is
 * `onAdded` called (the interaction watch). Throws `access.denied`, `case.closed`, `request.invalid`,
 * `medication.unknown_term`.
 */
export async function addMedication(deps: AddMedicationDeps, me: ClinicianRow, code: string, input: MedicationInput): Promise<MedicationAddedResult> {
  const caseRow = await caseForMedications(deps, me, code, 'addMedication', AUDIT_ACTIONS.medicationAdded);
  const fields = checkMedicationInput(input);
  const { ingredients, unresolved } = resolveIngredients(deps.lexicon, fields.text, input.confirmed);
  const entry: MedicationEntry = {
    id: newId(),
    caseId: caseRow.id,
    source: 'clinician',
    ehrRef: null,
    ...fields,
    ingredients,
    unresolved,
    prescriberId: me.id,
    prescriberName: null,
    institutionId: me.institutionId ?? null,
    status: 'active',
    createdAt: deps.clock.now(),
    createdBy: me.id,
  };
  await deps.transaction(async () => {
    await deps.medications.insert(entry);
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.medicationAdded, target: caseRow.code, outcome: 'success', reason: unresolved.length > 0 ? 'unresolved' : 'resolved' }, { now: true });
  });
  await announceAdded(deps, [{ caseId: caseRow.id, caseCode: caseRow.code, entry, actorId: me.id }]);
  return { entry, unresolved };
}
