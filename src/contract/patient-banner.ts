import { z } from 'zod';
import { PATIENT_SEX_CODES } from './patient-sex.js';

/**
 * GET /api/app/cases/:code/patient (src/http/app/patient-banner-routes.ts): the patient banner. The
 * only doctor answer that carries patient identity — decrypted per request, `cache-control: no-store`,
 * for a clinician the policy lets open the case's records now; anyone else gets 403 access.denied.
 */
export const patientBannerDto = z.object({
  caseCode: z.string(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  sex: z.enum(PATIENT_SEX_CODES).nullable().describe('A code (female, male, x, unknown), shown as words; null when the case form left it out'),
  dateOfBirth: z.string().describe('YYYY-MM-DD'),
  ageYears: z.number().int().describe('Whole years, on today’s date in Hong Kong'),
  hkidMasked: z.string().describe('Letter(s), first three digits, the rest masked, the check character: A123***(3)'),
  recordNumber: z.string().nullable().describe('The institution’s own record number where one was entered, else null'),
  recordInstitution: z.string().nullable().describe('The code of the institution that record number belongs to (the clinician who entered it was there)'),
});

export type PatientBannerDto = z.infer<typeof patientBannerDto>;
