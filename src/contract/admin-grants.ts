import { z } from 'zod';
import { personDto } from './admin-console.js';
import { REVOKE_REASON_CODES } from './grant-revoke-reasons.js';

/**
 * The console's live access grants (oversight section): who holds access from outside the care team,
 * on which case and document type, for what purpose, until when, given by whom. Keyset paging, soonest
 * to expire first; `next` is the cursor of the following page. Never a title or any patient data.
 */
export const LIVE_GRANTS_CURSOR = /^\d{1,15}:[A-Za-z0-9_-]{1,64}$/;

export const liveGrantsQuery = z.object({
  after: z.string().regex(LIVE_GRANTS_CURSOR).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const liveGrantDto = z.object({
  grantId: z.string(),
  kind: z.enum(['approval', 'break_glass', 'consult']),
  caseCode: z.string().nullable(),
  grantee: personDto,
  /** The document's type code (src/contract/document-types.ts); null for break-glass (the whole case). */
  docType: z.string().nullable(),
  /** A purpose-of-use code (src/contract/purpose-of-use.ts); break-glass is `emergency`; an MDT consult grant `mdt`. */
  purpose: z.string(),
  /** Consult grants (whole case): the accepted referral's specialty and severity, or an MDT invitation; null for other kinds. */
  consult: z.union([z.object({ source: z.literal('referral'), specialty: z.string(), severity: z.string() }), z.object({ source: z.literal('mdt') })]).nullable(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  /** The approver whose decision made the grant; for break-glass, the grantee (it is self-granted). */
  grantedBy: personDto.nullable(),
});

export const liveGrantsResponse = z.object({ grants: z.array(liveGrantDto), next: z.string().nullable() });

/** The console's [Revoke]: a reason from the closed list is required. */
export const revokeGrantBody = z.object({ reason: z.enum(REVOKE_REASON_CODES) });

export type LiveGrantDto = z.infer<typeof liveGrantDto>;
export type LiveGrantsResponse = z.infer<typeof liveGrantsResponse>;
