import { DomainError } from '../../shared/errors.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import type { MedicationEntry, MedicationPayload } from './medication.js';
import type { caseMedications } from './medications-tables.js';

/** A stored row as both stores read and write it (the PostgreSQL twin has the same columns). */
export type MedicationRow = typeof caseMedications.$inferSelect;

const PAYLOAD = 'case_medications.payload' as const;
const PRESCRIBER = 'case_medications.prescriber_name' as const;

/** The row to store: the drug sealed (bound to column and row id), the rest as it is. */
export function sealMedication(cipher: FreeTextCipher, e: MedicationEntry): MedicationRow {
  const payload: MedicationPayload = {
    text: e.text,
    ingredients: e.ingredients,
    unresolved: e.unresolved,
    ...(e.dose !== null ? { dose: e.dose } : {}),
    ...(e.route !== null ? { route: e.route } : {}),
    ...(e.frequency !== null ? { frequency: e.frequency } : {}),
  };
  return {
    id: e.id,
    caseId: e.caseId,
    source: e.source,
    ehrRef: e.ehrRef,
    prescriberId: e.prescriberId,
    prescriberName: sealOrNull(cipher, PRESCRIBER, e.id, e.prescriberName),
    institutionId: e.institutionId,
    startOn: e.startOn,
    stopOn: e.stopOn,
    status: e.status,
    payload: cipher.seal(PAYLOAD, e.id, JSON.stringify(payload)),
    createdAt: e.createdAt,
    createdBy: e.createdBy,
  };
}

/** The decrypted view of a stored row; a payload that does not open (or is not sealed) is `internal`. */
export function openMedication(cipher: FreeTextCipher, r: MedicationRow): MedicationEntry {
  if (!cipher.isSealed(r.payload)) throw new DomainError('internal', 'medication payload is not sealed');
  const p = JSON.parse(cipher.open(PAYLOAD, r.id, r.payload)) as MedicationPayload;
  return {
    id: r.id,
    caseId: r.caseId,
    source: r.source,
    ehrRef: r.ehrRef,
    text: p.text,
    ingredients: p.ingredients,
    unresolved: p.unresolved,
    dose: p.dose ?? null,
    route: p.route ?? null,
    frequency: p.frequency ?? null,
    prescriberId: r.prescriberId,
    prescriberName: openOrNull(cipher, PRESCRIBER, r.id, r.prescriberName),
    institutionId: r.institutionId,
    startOn: r.startOn,
    stopOn: r.stopOn,
    status: r.status,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  };
}
