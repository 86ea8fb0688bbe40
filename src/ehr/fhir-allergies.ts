import type { AllergyCriticality, EhrAllergy } from '../domain/ehr/ehr-port.js';
import { conceptText, first, obj, str, type Obj } from './fhir-medications.js';

/**
 * Reading a patient's AllergyIntolerance resources (FHIR R4) into plain EhrAllergy values. Lenient on
 * what is optional (coding, criticality, statuses, category), strict on what the list needs (an id and a
 * substance name). Entered-in-error and refuted records are left out: they are not allergies.
 */
const CRITICALITY = new Set<AllergyCriticality>(['low', 'high', 'unable-to-assess']);
const CLINICAL = new Set(['active', 'inactive', 'resolved']);
const VERIFIED = new Set(['unconfirmed', 'confirmed']);
const CATEGORY = new Set(['food', 'medication', 'environment', 'biologic']);

/** The code of a status CodeableConcept (its first coding's code). */
const statusCode = (c: unknown): string | undefined => str(first(obj(c)?.coding)?.code);

/** One resource to an allergy; undefined when it is entered-in-error, refuted or has no substance name. */
export function allergyOf(r: Obj): EhrAllergy | undefined {
  const id = str(r.id);
  const text = conceptText(r.code);
  const clinical = statusCode(r.clinicalStatus);
  const verification = statusCode(r.verificationStatus);
  if (!id || !text || verification === 'entered-in-error' || verification === 'refuted') return undefined;
  const out: EhrAllergy = { ref: `AllergyIntolerance/${id}`, text };
  const coding = first(obj(r.code)?.coding);
  const system = str(coding?.system);
  const code = str(coding?.code);
  if (system && code) out.code = { system, code, ...(str(coding?.display) ? { display: str(coding?.display)! } : {}) };
  const criticality = str(r.criticality);
  if (criticality && CRITICALITY.has(criticality as AllergyCriticality)) out.criticality = criticality as AllergyCriticality;
  if (clinical && CLINICAL.has(clinical)) out.clinicalStatus = clinical as EhrAllergy['clinicalStatus'];
  if (verification && VERIFIED.has(verification)) out.verification = verification as EhrAllergy['verification'];
  const category = Array.isArray(r.category) ? str(r.category[0]) : undefined;
  if (category && CATEGORY.has(category)) out.category = category as EhrAllergy['category'];
  return out;
}
