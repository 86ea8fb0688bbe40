/**
 * Why the privacy officer ends a live access grant from the console: a closed list, so the reason can
 * go into the audit as a code (never free text that might name the patient). Plain values (no zod),
 * so the console may import them as well as the server.
 */
export const REVOKE_REASONS = {
  no_longer_needed: { en: 'No longer needed', zh: '已不再需要' },
  wrong_person: { en: 'Given to the wrong person', zh: '授權對象錯誤' },
  patient_request: { en: 'At the patient’s request', zh: '應病人要求' },
  policy_concern: { en: 'Privacy or policy concern', zh: '私隱或政策考慮' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type RevokeReason = keyof typeof REVOKE_REASONS;

export const REVOKE_REASON_CODES = Object.keys(REVOKE_REASONS) as [RevokeReason, ...RevokeReason[]];
