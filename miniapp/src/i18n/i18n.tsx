import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { MESSAGES, type Lang, type MessageKey } from './messages.js';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey) => string;
  /** The user's choice on this device: shown now and remembered. */
  setLang: (lang: Lang) => void;
  /** The user's saved preference from the server: shown unless a choice was made on this device; not remembered here. */
  suggestLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);
/** Only the language choice is remembered on the device; never anything about the user. */
export const LANG_STORAGE_KEY = 'consultbridge.lang';

export function I18nProvider({ initial, chosen = false, children }: { initial: Lang; chosen?: boolean; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initial);
  const chosenHere = useRef(chosen);
  const suggestLang = useCallback((next: Lang) => {
    if (!chosenHere.current) setLangState(next);
  }, []);
  const setLang = useCallback((next: Lang) => {
    chosenHere.current = true;
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Private mode or a locked-down WebView: the choice then lasts for this visit only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang]['app.name'];
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, suggestLang, t: (key) => MESSAGES[lang][key] }), [lang, setLang, suggestLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
