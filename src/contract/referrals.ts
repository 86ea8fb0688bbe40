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

/** sent → seen → accepted / declined; escalated while unaccepted past its window; cancelled by the requester. */
export type ReferralStatus = 'sent' | 'seen' | 'accepted' | 'declined' | 'escalated' | 'cancelled';
