import type { EhrMedication } from '../domain/ehr/ehr-port.js';
import { EhrError } from './ehr-error.js';
import type { FhirSystems } from './fhir-systems.js';

/**
 * Reading a patient's MedicationRequest and MedicationStatement resources (FHIR R4) into plain
 * EhrMedication values. Lenient on what is optional (dose, route, timing, dates, prescriber), strict on
 * what the list needs (an id and a name); a resource without a name is left out, never guessed.
 */
export const MEDICATION_TYPES = ['MedicationRequest', 'MedicationStatement'] as const;
export type MedicationType = (typeof MEDICATION_TYPES)[number];

export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
export const first = (v: unknown): Obj | undefined => (Array.isArray(v) ? obj(v[0]) : undefined);
const date = (v: unknown): string | undefined => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
};

/** A CodeableConcept's words: its text, else its first coding's display. */
export const conceptText = (c: unknown): string | undefined => str(obj(c)?.text) ?? str(first(obj(c)?.coding)?.display);

const STOPPED = new Set(['completed', 'stopped', 'cancelled', 'not-taken', 'revoked']);

function doseOf(dosage: Obj | undefined): string | undefined {
  const q = obj(first(dosage?.doseAndRate)?.doseQuantity);
  const value = typeof q?.value === 'number' ? String(q.value) : undefined;
  return value ? [value, str(q?.unit) ?? str(q?.code)].filter(Boolean).join(' ') : undefined;
}

/** One resource to a medication; undefined when it is entered-in-error or has no name. */
export function medicationOf(type: MedicationType, r: Obj, systems: FhirSystems): EhrMedication | undefined {
  const id = str(r.id);
  const status = str(r.status) ?? 'unknown';
  const text = conceptText(r.medicationCodeableConcept) ?? str(obj(r.medicationReference)?.display);
  if (!id || !text || status === 'entered-in-error') return undefined;
  const request = type === 'MedicationRequest';
  const dosage = first(request ? r.dosageInstruction : r.dosage);
  const period = obj(request ? obj(r.dispenseRequest)?.validityPeriod : r.effectivePeriod);
  const who = obj(request ? r.requester : r.informationSource);
  const ident = obj(who?.identifier);
  const registrationNo = ident && str(ident.system) === systems.registration ? str(ident.value) : undefined;
  const display = str(who?.display);
  const out: EhrMedication = { ref: `${type}/${id}`, text, status: STOPPED.has(status) ? 'stopped' : 'active' };
  const optional: Partial<EhrMedication> = {
    dose: doseOf(dosage),
    route: conceptText(dosage?.route),
    frequency: conceptText(obj(dosage?.timing)?.code) ?? str(dosage?.text),
    startOn: date(period?.start) ?? date(request ? r.authoredOn : r.effectiveDateTime),
    stopOn: date(period?.end),
    prescriber: registrationNo || display ? { ...(registrationNo ? { registrationNo } : {}), ...(display ? { display } : {}) } : undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (out as unknown as Obj)[k] = v;
  return out;
}

/** The matching resources of a searchset Bundle (included ones skipped); anything else is `malformed_response`. */
export function bundleResources(data: unknown, type: string): Obj[] {
  const b = obj(data);
  if (b?.resourceType !== 'Bundle') throw new EhrError({ kind: 'malformed_response', op: `${type}.search` });
  const entries = Array.isArray(b.entry) ? b.entry : [];
  return entries.flatMap((e) => {
    const entry = obj(e);
    const r = obj(entry?.resource);
    return r && r.resourceType === type && str(obj(entry?.search)?.mode) !== 'include' ? [r] : [];
  });
}
