import type { DirectoryRepository, InstitutionRow } from '../directory/directory-repository.js';
import type { PatientsRepository } from './patients-repository.js';

/**
 * Consent questions the access policy asks.
 *
 * Sharing consent follows the eHRSS model: public providers (institution sector `public`: Hospital
 * Authority, Department of Health …) are treated as having the patient's sharing consent, so no row
 * is needed for them and a recorded withdrawal does not change that answer. For private providers the
 * latest recorded row decides (history rows; latest wins); no row means no consent.
 */
export function createConsentQueries(deps: { patients: PatientsRepository; directory: Pick<DirectoryRepository, 'institution'> }) {
  const { patients, directory } = deps;
  /**
   * hasSharingConsent for many patients and one institution: the institution is looked up once (a
   * list decides many documents for one viewer), then each private-sector answer is one query.
   */
  async function sharingConsentAt(institutionId: string): Promise<(patientId: string) => Promise<boolean>> {
    const sector = sectorOf(await directory.institution(institutionId));
    if (sector !== 'private') return async () => sector === 'public';
    return async (patientId) => (await patients.latestConsent(patientId, institutionId))?.status === 'granted';
  }
  return {
    async hasSharingConsent(patientId: string, institutionId: string): Promise<boolean> {
      return (await sharingConsentAt(institutionId))(patientId);
    },
    sharingConsentAt,
    /** Extra consent for a restricted category (eHRSS restricted control); once recorded it stands. */
    hasRestrictedConsent(patientId: string, category: string): Promise<boolean> {
      return patients.hasRestrictedConsent(patientId, category);
    },
  };
}

/** `public` providers count as consented; `private` ones need a row; `unknown` institutions never consent. */
export function sectorOf(institution: InstitutionRow | undefined): 'public' | 'private' | 'unknown' {
  if (!institution) return 'unknown';
  return institution.sector === 'public' ? 'public' : 'private';
}

export type ConsentQueries = ReturnType<typeof createConsentQueries>;
