import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { normaliseHkid } from '../shared/hkid.js';
import { parseOrInvalid } from '../shared/validate.js';
import type { AllergyInput, DocumentShareInput } from '../domain/ehr/ehr-port.js';

/**
 * Checks caller input before any FHIR is built, so a bad value is `request.invalid` (naming fields,
 * never values) rather than a 422 from the EHR. The HKID is normalised to `A123456(3)`.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const code = z.object({ system: z.url(), code: text(100), display: text(200).optional() });
// FHIR date or dateTime: YYYY, YYYY-MM, YYYY-MM-DD, or a full date-time with seconds and zone.
const fhirDateTime = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))?)?)?$/);
const clinician = z.object({ registrationNo: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/), display: text(120).optional() });
const epochMs = z.number().int().positive();
const hkid = z.string().transform((s, ctx) => normaliseHkid(s) ?? (ctx.addIssue({ code: 'custom', message: 'hkid' }), z.NEVER));
const recordId = z.string().trim().regex(/^[A-Za-z0-9.\-_:]{1,64}$/);

const allergySchema = z
  .object({
    recordId,
    patientHkid: hkid,
    substance: z.object({ text: text(200), code: code.optional() }),
    reaction: z.object({ text: text(200), code: code.optional() }).optional(),
    severity: z.enum(['mild', 'moderate', 'severe']).optional(),
    criticality: z.enum(['low', 'high', 'unable-to-assess']),
    category: z.enum(['food', 'medication', 'environment', 'biologic']).optional(),
    onset: fhirDateTime.optional(),
    note: text(2000).optional(),
    recorder: clinician,
    recordedAt: epochMs,
    verification: z.enum(['unconfirmed', 'confirmed']).optional(),
  })
  .strict()
  // FHIR puts severity on a reaction, and a reaction needs a manifestation.
  .refine((a) => a.severity === undefined || a.reaction !== undefined, { path: ['reaction'], message: 'required with severity' });

const documentSchema = z
  .object({
    documentId: recordId,
    patientHkid: hkid,
    url: z.url({ protocol: /^https?$/ }),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    size: z.number().int().nonnegative().optional(),
    sha1Base64: z.string().regex(/^[A-Za-z0-9+/]{27}=$/).optional(),
    loincType: z.object({ code: z.string().regex(/^\d{1,7}-\d$/), display: text(200).optional() }).optional(),
    author: clinician,
    createdAt: epochMs,
  })
  .strict();

export function parseAllergyInput(input: unknown): AllergyInput {
  return parseOrInvalid(allergySchema, input) as AllergyInput;
}

export function parseDocumentShareInput(input: unknown): DocumentShareInput {
  return parseOrInvalid(documentSchema, input) as DocumentShareInput;
}

/** The canonical HKID, or `hkid.invalid` (without the value). */
export function requireHkid(input: string): string {
  const n = normaliseHkid(input);
  if (!n) throw new DomainError('hkid.invalid');
  return n;
}
