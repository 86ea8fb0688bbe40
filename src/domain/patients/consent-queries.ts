import type { DirectoryReads } from '../directory/directory-repository.js';
import type { PatientsRepository } from './patients-repository.js';

/**
 * Consent questions the access policy asks.
 *
 * Sharing consent follows the eHRSS model: public providers (institution sector `public`: Hospital
 * Authority, Department of Health …) are treated as having the patient's sharing consent, so no row
 * is needed for them and a recorded withdrawal does not change that answer. For private providers the
 * latest recorded row decides (history rows; latest wins); no row means no consent.
 */
export function createConsentQueries(deps: { patients: PatientsRepository; directory: DirectoryReads }) {
  const { patients, directory } = deps;
  return {
    hasSharingConsent(patientId: string, institutionId: string): boolean {
      const institution = directory.institution(institutionId);
      if (!institution) return false;
      if (institution.sector === 'public') return true;
      return patients.latestConsent(patientId, institutionId)?.status === 'granted';
    },
    /** Extra consent for a restricted category (eHRSS restricted control); once recorded it stands. */
    hasRestrictedConsent(patientId: string, category: string): boolean {
      return patients.hasRestrictedConsent(patientId, category);
    },
  };
}

export type ConsentQueries = ReturnType<typeof createConsentQueries>;
