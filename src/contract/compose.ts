import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from './document-types.js';
import { parseFlags } from './consult-flags.js';
import { errorBody } from './errors.js';

/** The mini-app compose API (src/http/app/app-compose-routes.ts): ids, case codes, counts and times only. Never patient data. */
/** Shared by the compose route plugins: coded errors, bearer auth, the OpenAPI tag. */
export const composeRouteDocs = {
  errors: { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody, 422: errorBody, 429: errorBody },
  security: [{ bearerAuth: [] }],
  tags: ['doctor'],
};

export const caseCodeParams = z.object({ code: z.string().min(1).max(20) });

export const composeOptionsDto = z.object({
  caseCode: z.string(),
  /** May share a report into the case now (the policy's `share` rule). */
  share: z.boolean(),
  /** May send a burn-after-reading message (same rule as sharing). */
  burn: z.boolean(),
  /** How an allergy alert would be let in: the care team's share rule, my live break-glass, or not at all. */
  alert: z.enum(['share', 'break_glass']).nullable(),
  burnSeconds: z.object({ min: z.number().int(), max: z.number().int(), default: z.number().int() }),
  maxUploadBytes: z.number().int(),
  /** The allergy form's choices (alert-form.ts), so the screen offers exactly what the server accepts. */
  alertChoices: z.object({ severity: z.array(z.string()), criticality: z.array(z.string()), category: z.array(z.string()) }),
});

export const sharedDto = z.object({ documentId: z.string(), caseCode: z.string(), mediaType: z.string(), size: z.number().int() });

export const burnSentDto = z.object({ itemId: z.string(), caseCode: z.string(), recipients: z.number().int(), expiresAt: z.number() });

export const shareQuery = z.object({
  restricted: z.string().regex(/^[a-z_]{2,40}$/).optional(),
  urgent: z.enum(['1', 'true', '0', 'false']).optional(),
  /** What the document is (a code; its optional title goes in a body, never the URL: POST /api/app/documents/:id/title). */
  type: z.enum(DOCUMENT_TYPE_CODES).optional(),
  /** The sharer's flags for the consult rules: short codes, comma-separated (`STEMI?`); matched in memory, never stored. */
  flag: z.string().max(130).refine((v) => parseFlags(v) !== undefined, 'short codes, comma-separated').optional(),
});

export const burnAfterQuery = z.object({ after: z.coerce.number().int().positive().max(86_400).optional() });

export const burnTextBody = z.object({ text: z.string().min(1).max(20_000), burnAfterSeconds: z.number().int().positive().max(86_400).optional() });

/**
 * The allergy form from the app: the form's fields (parsed by the domain, alert-form.ts), an optional
 * base64 `scan`, and a submission id the screen makes once per form, so a retried submit (lost answer,
 * double tap) is the same alert and the same health-record entry, never a second one.
 */
export const alertBody = z.object({ submissionId: z.uuid() }).catchall(z.unknown());

export const alertRaisedDto = z.object({ alertId: z.string(), caseCode: z.string(), recipients: z.number().int(), ehrPendingId: z.string(), scan: z.boolean() });

export type ComposeOptionsDto = z.infer<typeof composeOptionsDto>;
export type SharedDto = z.infer<typeof sharedDto>;
export type BurnSentDto = z.infer<typeof burnSentDto>;
export type AlertRaisedDto = z.infer<typeof alertRaisedDto>;
export type BurnTextBody = z.input<typeof burnTextBody>;
export type AlertBody = z.input<typeof alertBody>;
