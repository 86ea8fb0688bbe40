/** The bot answers in the sender's language: Traditional Chinese or English (简体 input is accepted). */
export type Lang = 'en' | 'zh';

const CJK = /[\u3400-\u9fff]/;

/** Chinese characters in the message win; then the sender's saved preference; English otherwise. */
export function detectLang(text: string, preferred?: Lang | null): Lang {
  if (CJK.test(text)) return 'zh';
  return preferred ?? 'en';
}

export type Localised = { en: string; zh: string };

export function t(lang: Lang, s: Localised): string {
  return s[lang];
}
