/** Builders shared by the access-* tests. */
import { fileURLToPath } from 'node:url';
import type { CaseFacts, ClinicianFacts, DocumentFacts } from '../../src/domain/access/access-facts.js';

export const POLICY_DIR = fileURLToPath(new URL('../../config/policies', import.meta.url));

export const HOME = 'QMH';
export const OTHER = 'HKSH';

export function clinician(over: Partial<ClinicianFacts> = {}): ClinicianFacts {
  return { id: 'u-1', institutionId: HOME, role: 'doctor', verified: true, suspended: false, ...over };
}

export function doc(over: Partial<DocumentFacts> = {}): DocumentFacts {
  return { id: 'd-1', caseCode: 'C-7KQ2M', authorInstitutionId: OTHER, restrictedCategory: null, caseClosed: false, ...over };
}

export function kase(over: Partial<CaseFacts> = {}): CaseFacts {
  return { code: 'C-7KQ2M', institutionIds: [HOME, OTHER], closed: false, ...over };
}
