import { z } from 'zod';
import { PURPOSE_CODES, type PurposeOfUse } from './purpose-of-use.js';
import { REFERRAL_DECLINE_CODES, REFERRAL_SEVERITY_CODES } from './referrals.js';
import { SPECIALTY_CODES } from './specialties.js';
import { personDto } from './doctor.js';

/** The referral API (src/http/app/referral-routes.ts) for the mini-app's Refer form and referral screen. */
export const referralParams = z.object({ id: z.string().uuid() });
export const referralCaseParams = z.object({ code: z.string().min(1).max(20) });

export const referralStatus = z.enum(['sent', 'seen', 'accepted', 'declined', 'escalated', 'unrouted', 'cancelled']);

export const referBody = z.object({
  specialty: z.enum(SPECIALTY_CODES),
  institutionCode: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional().describe('Absent: the configured fallback order'),
  severity: z.enum(REFERRAL_SEVERITY_CODES),
  purposeCode: z.enum(PURPOSE_CODES as [PurposeOfUse, ...PurposeOfUse[]]),
  reason: z.string().max(2000).optional().describe('Free text, sealed at rest; never in chat or the audit'),
});

export const referredDto = z.object({ referralId: z.string(), assignee: personDto.nullable(), status: referralStatus, unknownInstitution: z.string().nullable() });

export const declineBody = z.object({ reason: z.enum(REFERRAL_DECLINE_CODES) });

export const referralDto = z.object({
  id: z.string(),
  caseCode: z.string(),
  specialty: z.string(),
  institutionCode: z.string().nullable(),
  severity: z.enum(REFERRAL_SEVERITY_CODES),
  purposeCode: z.string(),
  status: referralStatus,
  requester: personDto.nullable().describe('null: a consult rule opened it'),
  triggerRuleId: z.string().nullable(),
  assignee: personDto.nullable(),
  declineReason: z.enum(REFERRAL_DECLINE_CODES).nullable(),
  /** Shown only to the requester and the assignee. */
  reason: z.string().nullable(),
  sentAt: z.number(),
  seenAt: z.number().nullable(),
  acceptedAt: z.number().nullable(),
  declinedAt: z.number().nullable(),
  /** The viewer is the assignee and it is still open: [Accept] / [Decline] apply. */
  mayRespond: z.boolean(),
  mayCancel: z.boolean(),
});

/** GET /api/cases/:code/referrals: one keyset page, newest first; `nextCursor` null on the last. */
export const caseReferralsDto = z.object({ items: z.array(referralDto), nextCursor: z.string().nullable() });
export const acceptedDto = z.object({ referralId: z.string(), caseCode: z.string(), until: z.number() });

export type ReferBody = z.infer<typeof referBody>;
export type ReferralDto = z.infer<typeof referralDto>;
export type ReferredDto = z.infer<typeof referredDto>;
export type AcceptedDto = z.infer<typeof acceptedDto>;

/** GET /api/admin/referrals/stats: the dashboard's referral figures (admins). */
export const referralStatsQuery = z.object({ days: z.enum(['7', '30']).default('7') });
export const referralStatsDto = z.object({
  days: z.number(),
  timeToAccept: z.array(z.object({ severity: z.enum(REFERRAL_SEVERITY_CODES), specialty: z.string(), accepted: z.number(), medianMs: z.number(), p90Ms: z.number() })),
  openLoad: z.array(z.object({ clinician: personDto, open: z.number() })),
});
export type ReferralStatsDto = z.infer<typeof referralStatsDto>;

/**
 * GET /api/admin/referrals/attention: referrals a person must pick up — nobody accepted (`unrouted`),
 * or nobody was on call to send them to (open, no assignee). Codes and names only, newest first.
 */
export const referralAttentionDto = z.object({
  referrals: z.array(
    z.object({
      id: z.string(),
      caseCode: z.string(),
      specialty: z.string(),
      institutionCode: z.string().nullable(),
      severity: z.enum(REFERRAL_SEVERITY_CODES),
      /** `unrouted`: the chase ran out; `nobody`: nobody on call when it was opened. */
      why: z.enum(['unrouted', 'nobody']),
      requester: personDto.nullable().describe('null: a consult rule opened it'),
      triggerRuleId: z.string().nullable(),
      sentAt: z.number(),
    }),
  ),
  /** The next page's cursor (`?cursor=`), or null: none follows. */
  nextCursor: z.string().nullable(),
});

export type ReferralAttentionDto = z.infer<typeof referralAttentionDto>;

/** `?cursor=&limit=` of the attention list: `nextCursor` of the previous page; the page size (default 20). */
export const referralAttentionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional(),
});
