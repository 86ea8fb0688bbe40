import { useI18n } from '../i18n/i18n.js';

/** One tap toggles 繁中 ⇄ English; the button is labelled in the language it switches to. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      onClick={() => setLang(lang === 'en' ? 'zh-HK' : 'en')}
    >
      {t('lang.switch')}
    </button>
  );
}
