/**
 * A referral's severity and status: codes, shown by label in either language. Plain values (no zod),
 * so the mini-app may import them as well as the server.
 */
export const REFERRAL_SEVERITIES = {
  emergency: { en: 'Emergency', zh: '緊急' },
  urgent: { en: 'Urgent', zh: '急' },
  routine: { en: 'Routine', zh: '一般' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ReferralSeverity = keyof typeof REFERRAL_SEVERITIES;

export const REFERRAL_SEVERITY_CODES = Object.keys(REFERRAL_SEVERITIES) as [ReferralSeverity, ...ReferralSeverity[]];

export function isReferralSeverity(code: unknown): code is ReferralSeverity {
  return typeof code === 'string' && Object.hasOwn(REFERRAL_SEVERITIES, code);
}

/**
 * sent → seen → accepted / declined; escalated while unaccepted past its window; unrouted when the
 * escalation ran out of people (nobody accepted: the requester is told to call the department);
 * cancelled by the requester (while open or unrouted).
 */
export type ReferralStatus = 'sent' | 'seen' | 'accepted' | 'declined' | 'escalated' | 'unrouted' | 'cancelled';

/**
 * Why an assignee declines a referral: a closed set of codes (never free text), so the reason may go
 * on the requester's card and into the audit.
 */
export const REFERRAL_DECLINE_REASONS = {
  not_my_specialty: { en: 'Not my specialty', zh: '非本專科' },
  no_capacity: { en: 'No capacity now', zh: '目前無法接收' },
  needs_more_information: { en: 'Needs more information', zh: '需要更多資料' },
  wrong_institution: { en: 'Wrong institution', zh: '機構不符' },
  already_seen: { en: 'Already seen elsewhere', zh: '已於別處診治' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ReferralDeclineReason = keyof typeof REFERRAL_DECLINE_REASONS;

export const REFERRAL_DECLINE_CODES = Object.keys(REFERRAL_DECLINE_REASONS) as [ReferralDeclineReason, ...ReferralDeclineReason[]];

export function isReferralDeclineReason(code: unknown): code is ReferralDeclineReason {
  return typeof code === 'string' && Object.hasOwn(REFERRAL_DECLINE_REASONS, code);
}
