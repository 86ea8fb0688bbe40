import { z } from 'zod';
import { FORM_DOCUMENT_TYPES, FORM_RETURN_REASONS } from './yida-codes.js';

/**
 * The mini-app's Yida approval screens (issue 14 item 5): the submissions waiting for my approval,
 * one of them as its record would read (never the patient's HKID), and a return with a coded reason.
 */
export const pendingFormDto = z.object({ id: z.string(), formName: z.string(), caseCode: z.string(), receivedAt: z.number() });
/** GET /api/app/yida/submissions/pending: one page, newest first; `nextCursor` asks for the next (null: none). */
export const pendingFormsDto = z.object({ items: z.array(pendingFormDto), nextCursor: z.string().nullable() });

export const pendingFormViewDto = pendingFormDto.extend({
  recordType: z.string(),
  documentType: z.enum(FORM_DOCUMENT_TYPES),
  medications: z.array(z.string()),
  problems: z.array(z.string()),
  freeText: z.array(z.object({ label: z.string(), text: z.string() })),
  flags: z.array(z.string()),
  results: z.array(z.object({ loinc: z.string(), unit: z.string(), value: z.number() })),
});

export const returnFormBody = z.object({ reason: z.enum(FORM_RETURN_REASONS) });

export type PendingFormDto = z.infer<typeof pendingFormDto>;
export type PendingFormViewDto = z.infer<typeof pendingFormViewDto>;
export type ReturnFormBody = z.infer<typeof returnFormBody>;
