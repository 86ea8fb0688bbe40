import { z } from 'zod';

/**
 * GET /api/app/cases/:code/patient (src/http/app/patient-banner-routes.ts): the patient banner. The
 * only doctor answer that carries patient identity — decrypted per request, `cache-control: no-store`,
 * for a clinician the policy lets open the case's records now; anyone else gets 403 access.denied.
 */
export const patientBannerDto = z.object({
  caseCode: z.string(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  sex: z.string().nullable().describe('Not captured by the case form yet: null'),
  dateOfBirth: z.string().describe('YYYY-MM-DD'),
  ageYears: z.number().int().describe('Whole years, on today’s date in Hong Kong'),
  hkidMasked: z.string().describe('Letter(s), first three digits, the rest masked, the check character: A123***(3)'),
  recordNumber: z.string().nullable().describe('The institution’s record number where one was entered (not captured yet: null)'),
});

export type PatientBannerDto = z.infer<typeof patientBannerDto>;
