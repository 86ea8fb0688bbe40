/**
 * The EHR module's public surface. Callers (the allergy-alert flow, sharing) use `service.ehr`
 * (an EhrAdapter) for direct calls and `service.ehrQueue` for writes that must survive an EHR outage.
 */
export type {
  AllergyCriticality,
  AllergyInput,
  AllergySeverity,
  ClinicianRef,
  CodeRef,
  DocumentShareInput,
  EhrAdapter,
  EhrHealth,
  EhrPatient,
  EhrWriteResult,
} from '../domain/ehr/ehr-port.js';
export { EhrError, isEhrError, type EhrErrorKind, type OutcomeIssue } from './ehr-error.js';
export { createEhrAdapter, DEFAULT_EHR_RETRY } from './create-ehr.js';
export { createEhrQueueModule, type EhrQueueModule, type EhrPendingView } from './queue/create-ehr-queue.js';
