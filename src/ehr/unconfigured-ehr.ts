import { EhrError } from './ehr-error.js';
import type { EhrAdapter } from '../domain/ehr/ehr-port.js';

/**
 * The adapter when no EHR_FHIR_BASE is set (outside the sandbox): every call is `ehr.not_configured`,
 * so queued allergy records stay pending (and visible) until an EHR is configured and the service restarts.
 */
export function createUnconfiguredEhr(): EhrAdapter {
  const refuse = (op: string) => () => Promise.reject(new EhrError({ kind: 'not_configured', op }));
  return {
    configured: false,
    findPatient: refuse('Patient.search'),
    upsertAllergy: refuse('AllergyIntolerance.create'),
    shareDocumentReference: refuse('DocumentReference.create'),
    patientMedications: refuse('MedicationRequest.search'),
    patientAllergies: refuse('AllergyIntolerance.search'),
    patientObservations: refuse('Observation.search'),
    health: () => Promise.resolve({ status: 'not_configured' }),
  };
}
