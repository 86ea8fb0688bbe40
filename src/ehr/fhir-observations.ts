import type { EhrObservation } from '../domain/ehr/ehr-port.js';
import { obj, str, type Obj } from './fhir-medications.js';

/**
 * Reading FHIR R4 Observation resources into plain EhrObservation values for the consult rules: the
 * codings, and a numeric valueQuantity with its unit. A result without an id, a code, a number or a
 * unit is left out (never guessed); so are entered-in-error and cancelled ones, which are not results.
 */
const NOT_RESULTS = new Set(['entered-in-error', 'cancelled']);

/** One resource to a result; undefined when it is not a usable numeric result. */
export function observationOf(r: Obj): EhrObservation | undefined {
  if (r.resourceType !== undefined && r.resourceType !== 'Observation') return undefined;
  const id = str(r.id);
  const status = str(r.status);
  if (!id || (status && NOT_RESULTS.has(status))) return undefined;
  const codes = (Array.isArray(obj(r.code)?.coding) ? (obj(r.code)!.coding as unknown[]) : []).flatMap((c) => {
    const code = str(obj(c)?.code);
    const system = str(obj(c)?.system);
    return code ? [{ ...(system ? { system } : {}), code }] : [];
  });
  const q = obj(r.valueQuantity);
  const value = typeof q?.value === 'number' && Number.isFinite(q.value) ? q.value : undefined;
  const unit = str(q?.code) ?? str(q?.unit);
  if (codes.length === 0 || value === undefined || !unit) return undefined;
  return { ref: `Observation/${id}`, codes, value, unit };
}
