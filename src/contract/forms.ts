import { z } from 'zod';
import { PATIENT_SEX_CODES, RECORD_NUMBER } from './patient-sex.js';

/**
 * The case-open and consent forms. Validation errors carry field paths only (never the values),
 * so they are safe to log and to return.
 */
export const consentItem = z.object({
  institutionCode: z.string().trim().min(1).max(32),
  status: z.enum(['granted', 'withdrawn']),
  reference: z.string().trim().min(1).max(200).optional(),
});

/** Category codes such as `mental_health`, `hiv`, `genetic`: codes, not free text. */
export const restrictedItem = z.object({
  category: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  reference: z.string().trim().min(1).max(200),
});

const consentLists = {
  consents: z.array(consentItem).max(50),
  restrictedConsents: z.array(restrictedItem).max(20).optional(),
};

export const caseFormSchema = z
  .object({
    hkid: z.string().max(24),
    nameEn: z.string().trim().min(1).max(120).optional(),
    nameZh: z.string().trim().min(1).max(60).optional(),
    dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Optional: female, male, x, unknown (words in patient-sex.ts). */
    sex: z.enum(PATIENT_SEX_CODES).optional(),
    /** Optional: the opener's institution's own record number for the patient (HN, MRN…). */
    recordNumber: z.string().trim().regex(RECORD_NUMBER).optional(),
    ...consentLists,
  })
  .refine((f) => f.nameEn !== undefined || f.nameZh !== undefined, { path: ['nameEn'], message: 'a name is required' });

export const consentFormSchema = z
  .object({ consents: consentLists.consents.default([]), restrictedConsents: consentLists.restrictedConsents })
  .refine((f) => f.consents.length + (f.restrictedConsents?.length ?? 0) > 0, { path: ['consents'], message: 'empty' });

/** The mini-app forms behind the bot's form links (src/http/app/app-forms-routes.ts). */
export const intentParams = z.object({ intentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export const intentDto = z.object({
  kind: z.enum(['case-open', 'consent']),
  /** Consent forms: the case they record for (its code only). */
  caseCode: z.string().nullable(),
  expiresAt: z.number(),
  institutions: z.array(z.object({ code: z.string(), nameEn: z.string(), nameZh: z.string().nullable() })),
});

export const caseOpenResult = z.object({ caseCode: z.string(), created: z.boolean() });
export const consentResult = z.object({ caseCode: z.string(), recorded: z.number().int() });

export type FormIntentDto = z.infer<typeof intentDto>;
export type FormKind = FormIntentDto['kind'];
export type ConsentEntry = z.input<typeof consentItem>;
export type CaseFormBody = z.input<typeof caseFormSchema>;
export type ConsentFormBody = z.input<typeof consentFormSchema>;
export type CaseOpenedDto = z.infer<typeof caseOpenResult>;
export type ConsentRecordedDto = z.infer<typeof consentResult>;
