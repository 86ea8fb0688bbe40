import type { PatientReveal } from '../../domain/cases/patient-reveal.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { EhrAdapter, EhrMedication } from '../../domain/ehr/ehr-port.js';
import type { MedicationLexicon } from '../../domain/medications/medication-lexicon.js';
import type { MedicationRepository } from '../../domain/medications/medication-repository.js';
import type { MedicationAdded, MedicationEntry } from '../../domain/medications/medication.js';
import { resolveIngredients } from '../../domain/medications/resolve-ingredients.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import type { Transaction } from '../../shared/transactions.js';
import { announceAdded, type AnnounceDeps } from './announce-added.js';
import { caseForMedications, type MedicationAccessDeps } from './medication-access.js';
import { MEDICATION_FIELD_MAX, MEDICATION_TEXT_MAX } from './medication-input.js';

export interface ImportEhrMedicationsDeps extends MedicationAccessDeps, AnnounceDeps {
  medications: Pick<MedicationRepository, 'insert' | 'ehrRefs'>;
  lexicon: MedicationLexicon;
  ehr: Pick<EhrAdapter, 'patientMedications'>;
  reveal: Pick<PatientReveal, 'revealPatient'>;
  directory: Pick<DirectoryRepository, 'byRegistrationNos'>;
  transaction: Transaction;
  clock: Clock;
}

/** The audit reason of the identity reveal an import needs (the EHR is asked by HKID). */
export const IMPORT_REVEAL_REASON = 'ehr_medication_import';

const clip = (v: string | undefined, max: number): string | null => (v === undefined ? null : v.slice(0, max));

/**
 * Imports the patient's medications from the EHR (FHIR MedicationRequest / MedicationStatement) into the
 * case's list, for someone the policy lets `addMedication`. Idempotent by EHR reference: what the case
 * already has is skipped, and a concurrent import cannot add a reference twice (unique per case). The EHR
 * is asked before the transaction (never outside I/O inside one); names resolve as a form's unconfirmed
 * text does, so a guess is kept unresolved. A prescriber whose registration number is a verified
 * clinician in our directory is that clinician; otherwise their name is kept (sealed). `onAdded` is
 * called per new entry after COMMIT. Throws `access.denied`, `case.closed`, and the EHR's coded errors.
 */
export async function importEhrMedications(deps: ImportEhrMedicationsDeps, me: ClinicianRow, code: string): Promise<{ imported: number; entries: MedicationEntry[] }> {
  const caseRow = await caseForMedications(deps, me, code, 'addMedication', AUDIT_ACTIONS.medicationImported);
  const { hkid } = await deps.reveal.revealPatient(caseRow.id, me.id, IMPORT_REVEAL_REASON);
  const found = await deps.ehr.patientMedications(hkid);
  const known = await deps.medications.ehrRefs(caseRow.id);
  const fresh = found.filter((m) => !known.has(m.ref));
  const prescribers = fresh.map((m) => m.prescriber?.registrationNo).filter((n): n is string => !!n);
  const byRegistration = registrations(prescribers.length > 0 ? await deps.directory.byRegistrationNos(prescribers) : []);
  const now = deps.clock.now();
  const candidates = fresh.map((m) => entryOf(deps.lexicon, m, caseRow.id, me.id, now, byRegistration));
  const added: MedicationEntry[] = [];
  await deps.transaction(async () => {
    for (const entry of candidates) if (await deps.medications.insert(entry)) added.push(entry);
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.medicationImported, target: caseRow.code, outcome: 'success', reason: `imported_${added.length}_of_${found.length}` }, { now: true });
  });
  const events: MedicationAdded[] = added.map((entry) => ({ caseId: caseRow.id, caseCode: caseRow.code, entry, actorId: me.id }));
  await announceAdded(deps, events);
  return { imported: added.length, entries: added };
}

/** Verified, active clinicians by registration number (upper case). */
function registrations(rows: ClinicianRow[]): Map<string, ClinicianRow> {
  const out = new Map<string, ClinicianRow>();
  for (const c of rows) if (c.registrationNo && c.verified && !c.suspended) out.set(c.registrationNo.toUpperCase(), c);
  return out;
}

function entryOf(lexicon: MedicationLexicon, m: EhrMedication, caseId: string, actorId: string, now: number, byRegistration: Map<string, ClinicianRow>): MedicationEntry {
  const text = m.text.slice(0, MEDICATION_TEXT_MAX);
  const { ingredients, unresolved } = resolveIngredients(lexicon, text, []);
  const prescriber = m.prescriber?.registrationNo ? byRegistration.get(m.prescriber.registrationNo.toUpperCase()) : undefined;
  return {
    id: newId(),
    caseId,
    source: 'ehr',
    ehrRef: m.ref,
    text,
    ingredients,
    unresolved,
    dose: clip(m.dose, MEDICATION_FIELD_MAX),
    route: clip(m.route, MEDICATION_FIELD_MAX),
    frequency: clip(m.frequency, MEDICATION_FIELD_MAX),
    prescriberId: prescriber?.id ?? null,
    prescriberName: prescriber ? null : clip(m.prescriber?.display, MEDICATION_FIELD_MAX),
    institutionId: prescriber?.institutionId ?? null,
    startOn: m.startOn ?? null,
    stopOn: m.stopOn ?? null,
    status: m.status,
    createdAt: now,
    createdBy: actorId,
  };
}
