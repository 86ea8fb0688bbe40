/**
 * Closed set of purpose-of-use reasons a clinician picks when asking for access. A code, never free
 * text, so it can go into the audit log and onto the approver's card without risk of patient data.
 */
export const PURPOSE_OF_USE = {
  continuing_care: { en: 'Continuing care (referring doctor)', zh: '持續護理（轉介醫生）' },
  referral: { en: 'Referral', zh: '轉介' },
  second_opinion: { en: 'Second opinion', zh: '第二意見' },
  emergency: { en: 'Emergency care', zh: '緊急治療' },
  medication_review: { en: 'Medication review', zh: '藥物覆核' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type PurposeOfUse = keyof typeof PURPOSE_OF_USE;

export const PURPOSE_CODES = Object.keys(PURPOSE_OF_USE) as PurposeOfUse[];

export function isPurposeOfUse(code: string): code is PurposeOfUse {
  return Object.hasOwn(PURPOSE_OF_USE, code);
}

/** The label in the reader's language (zh = Traditional Chinese, Hong Kong). */
export function purposeLabel(code: PurposeOfUse, lang: 'en' | 'zh'): string {
  return PURPOSE_OF_USE[code][lang];
}
