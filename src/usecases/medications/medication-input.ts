import { DomainError } from '../../shared/errors.js';

/** What a clinician enters for one medication (the form, or a confirmed voice note). */
export interface MedicationInput {
  text: string;
  dose?: string | null;
  route?: string | null;
  frequency?: string | null;
  startOn?: string | null;
  stopOn?: string | null;
  /** Lexicon entry ids the clinician confirmed (from the normaliser's matches). */
  confirmed: readonly string[];
}

export const MEDICATION_TEXT_MAX = 200;
export const MEDICATION_FIELD_MAX = 100;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface MedicationFields {
  text: string;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  startOn: string | null;
  stopOn: string | null;
}

const optional = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  if (!t) return null;
  if (t.length > MEDICATION_FIELD_MAX) throw new DomainError('request.invalid', 'medication field too long');
  return t;
};

const date = (v: string | null | undefined): string | null => {
  if (v === null || v === undefined || v === '') return null;
  const ms = Date.parse(`${v}T00:00:00Z`);
  if (!ISO_DATE.test(v) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== v) throw new DomainError('medication.date_invalid');
  return v;
};

/** Trimmed fields, or `request.invalid` / `medication.date_invalid` (shared by the form and the voice-note flow). */
export function checkMedicationInput(input: MedicationInput): MedicationFields {
  const text = input.text.trim();
  if (!text || text.length > MEDICATION_TEXT_MAX) throw new DomainError('request.invalid', 'medication text missing or too long');
  const startOn = date(input.startOn);
  const stopOn = date(input.stopOn);
  if (startOn && stopOn && stopOn < startOn) throw new DomainError('medication.date_invalid');
  return { text, dose: optional(input.dose), route: optional(input.route), frequency: optional(input.frequency), startOn, stopOn };
}
