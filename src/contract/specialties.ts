/**
 * The specialties a roster, a referral or a consult rule names: a lowercase code, never free text, so
 * it may travel in chat and the audit. Chat accepts the code or either label. Plain values (no zod), so
 * the mini-app may import them as well as the server.
 */
export const SPECIALTIES = {
  cardiology: { en: 'Cardiology', zh: '心臟科' },
  neurology: { en: 'Neurology', zh: '腦神經科' },
  oncology: { en: 'Oncology', zh: '腫瘤科' },
  nephrology: { en: 'Nephrology', zh: '腎科' },
  respiratory: { en: 'Respiratory medicine', zh: '呼吸系統科' },
  gastroenterology: { en: 'Gastroenterology', zh: '腸胃科' },
  endocrinology: { en: 'Endocrinology', zh: '內分泌科' },
  surgery: { en: 'Surgery', zh: '外科' },
  orthopaedics: { en: 'Orthopaedics', zh: '骨科' },
  paediatrics: { en: 'Paediatrics', zh: '兒科' },
  obstetrics: { en: 'Obstetrics and gynaecology', zh: '婦產科' },
  psychiatry: { en: 'Psychiatry', zh: '精神科' },
  emergency: { en: 'Emergency medicine', zh: '急症科' },
  radiology: { en: 'Radiology', zh: '放射科' },
  haematology: { en: 'Haematology', zh: '血液科' },
  geriatrics: { en: 'Geriatrics', zh: '老人科' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type Specialty = keyof typeof SPECIALTIES;

export const SPECIALTY_CODES = Object.keys(SPECIALTIES) as [Specialty, ...Specialty[]];

export function isSpecialty(code: unknown): code is Specialty {
  return typeof code === 'string' && Object.hasOwn(SPECIALTIES, code);
}

/** The label in the reader's language (zh = Traditional Chinese, Hong Kong). */
export function specialtyLabel(code: Specialty, lang: 'en' | 'zh'): string {
  return SPECIALTIES[code][lang];
}

/** The specialty a person typed: the code or either label, any case; undefined when none matches. */
export function specialtyFromWord(word: string): Specialty | undefined {
  const w = word.trim().toLowerCase();
  return SPECIALTY_CODES.find(
    (c) => c === w || SPECIALTIES[c].en.toLowerCase() === w || SPECIALTIES[c].zh === word.trim(),
  );
}
