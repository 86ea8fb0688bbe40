import type { Severity } from '../../domain/clinical/interaction-rule-schema.js';
import type { MedicationRepository } from '../../domain/medications/medication-repository.js';

/** The case's medication list as the interaction watch reads it (meds-core's repository). */
export type CaseMedications = Pick<MedicationRepository, 'activeForCase' | 'find'>;

/**
 * How the watch tells people, content-free (case code, severity, a link that opens only for a signed-in
 * reader): never a drug name. Called inside the alert's transaction (the outbox keeps them together).
 */
export interface InteractionNotices {
  /** The urgent card "Interaction alert on C-XXXXX — major — open" to one clinician. */
  alert(n: { alertId: string; caseCode: string; severity: Severity; clinicianId: string }): Promise<void>;
  /** 1:1: "C-XXXXX: a medication could not be checked for interactions — open". */
  unchecked(n: { entryId: string; caseCode: string; clinicianId: string }): Promise<void>;
}
