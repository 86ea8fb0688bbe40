import type { FormMapping } from '../../contract/yida.js';
import { FLAG_PATTERN, MAX_FLAGS } from '../../contract/consult-flags.js';
import { DomainError } from '../../shared/errors.js';
import { normaliseHkid } from '../../shared/hkid.js';
import { CASE_CODE } from '../cases/case-code.js';

/** What a submission carries once mapped: the patient's HKID (normalised; hashed by the caller, never stored), the rest for the record. */
export interface MappedSubmission {
  hkid: string;
  caseCode: string | null;
  medications: string[];
  problems: string[];
  freeText: { label: string; text: string }[];
  /** Consult-rule flags (short codes only; anything else in a flag field is not a flag). Matched in memory, never stored. */
  flags: string[];
  /** Number fields as results for the consult rules (a value that is not a number is no result). */
  results: { component: string; loinc: string; unit: string; value: number }[];
}

const TEXT_MAX = 2000;
const ITEM_MAX = 200;
const NUMBER = /^-?\d{1,9}(\.\d{1,6})?$/;

/**
 * A Yida value as text. Text, number and date components send strings or numbers; select and checkbox
 * components send a label or an array of labels; anything else (objects: member, attachment, sub-form)
 * is not a value we map and makes the submission malformed. Absent → ''.
 */
export function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String).join('\n').trim();
  throw new DomainError('yida.malformed', 'a mapped field holds a value that is not text');
}

/** A list field: an array of labels, or text split on new lines, semicolons and full-width separators. */
function items(v: unknown): string[] {
  const raw = Array.isArray(v) ? v.map((x) => valueText(x)) : valueText(v).split(/[\n;；、]+/);
  return raw.map((s) => s.trim().slice(0, ITEM_MAX)).filter(Boolean);
}

/**
 * Maps fetched form data with a form's mapping. Throws `yida.malformed` when the data is not an object
 * of component values or a mapped field holds an object, `yida.no_patient_id` when the patient field
 * is empty or not a check-digit-valid HKID. Fields not in the mapping are ignored.
 */
export function mapFormData(mapping: Pick<FormMapping, 'fields'>, data: unknown): MappedSubmission {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new DomainError('yida.malformed');
  const d = data as Record<string, unknown>;
  const { fields } = mapping;
  const hkid = normaliseHkid(valueText(d[fields.patientHkid]));
  if (!hkid) throw new DomainError('yida.no_patient_id');
  const code = fields.caseCode ? valueText(d[fields.caseCode]).toUpperCase() : '';
  return {
    hkid,
    caseCode: CASE_CODE.test(code) ? code : null,
    medications: fields.medications.flatMap((id) => items(d[id])),
    problems: fields.problems.flatMap((id) => items(d[id])),
    freeText: fields.freeText.map((f) => ({ label: f.label, text: valueText(d[f.id]).slice(0, TEXT_MAX) })).filter((f) => f.text !== ''),
    flags: [...new Set((fields.flags ?? []).flatMap((id) => items(d[id])).filter((f) => FLAG_PATTERN.test(f)))].slice(0, MAX_FLAGS),
    results: (fields.results ?? []).flatMap((r) => {
      const text = valueText(d[r.id]);
      return NUMBER.test(text) ? [{ component: r.id, loinc: r.loinc, unit: r.unit, value: Number(text) }] : [];
    }),
  };
}
