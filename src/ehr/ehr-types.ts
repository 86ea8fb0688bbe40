/** The EHR port is the domain's (src/domain/ehr/ehr-port.ts); this adapter implements it. */
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
