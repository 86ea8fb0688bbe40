import { useI18n } from './i18n.js';

/**
 * A screen family's words in both languages (both tables have the same keys, checked by the type) as a
 * hook: `t(key)`, and `errorText(code)` for a coded API error — the `err.<code>` entry, else `err.other`.
 */
export function screenI18n<K extends string>(en: Record<K, string>, zhHK: Record<K, string>) {
  function useScreenI18n() {
    const { lang } = useI18n();
    const table = lang === 'en' ? en : zhHK;
    const t = (k: K) => table[k];
    const errorText = (code: string) => {
      const key = `err.${code}`;
      if (Object.prototype.hasOwnProperty.call(table, key)) return table[key as K];
      return Object.prototype.hasOwnProperty.call(table, 'err.other') ? table['err.other' as K] : code;
    };
    return { lang, t, errorText };
  }
  // The tables themselves, for the translation test (test/unit/translations.test.ts).
  return Object.assign(useScreenI18n, { tables: { en, zhHK } });
}
