/**
 * A patient's sex as the case-open form records it and the patient banner shows it: a closed list of
 * codes (female, male, X, not known), shown as words in both languages, never as the code.
 */
export const PATIENT_SEX = {
  female: { en: 'Female', zh: '女' },
  male: { en: 'Male', zh: '男' },
  x: { en: 'X (other)', zh: 'X（其他）' },
  unknown: { en: 'Not known', zh: '不詳' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type PatientSex = keyof typeof PATIENT_SEX;

export const PATIENT_SEX_CODES = Object.keys(PATIENT_SEX) as [PatientSex, ...PatientSex[]];

export function isPatientSex(code: string): code is PatientSex {
  return Object.hasOwn(PATIENT_SEX, code);
}

/** The word in the reader's language (zh = Traditional Chinese, Hong Kong). */
export function patientSexLabel(code: PatientSex, lang: 'en' | 'zh'): string {
  return PATIENT_SEX[code][lang];
}

/**
 * The institution's own record number (HN, MRN…) as typed: letters, digits and a few separators,
 * at most 24 characters. Sealed at rest like the rest of the patient's identity.
 */
export const RECORD_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./()-]{0,23}$/;
