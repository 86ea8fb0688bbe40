import { useContext } from 'react';
import { EndpointsContext } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * One tap toggles 繁中 ⇄ English; the button is labelled in the language it switches to. Signed in,
 * the choice is saved as the user's preference, so the bot's replies and the service's errors follow it.
 */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const endpoints = useContext(EndpointsContext);
  const choose = () => {
    const next = lang === 'en' ? 'zh-HK' : 'en';
    setLang(next);
    // Best effort: the screen has switched already; a failed save only means chat keeps the old language.
    endpoints?.setLanguage(next === 'en' ? 'en' : 'zh').catch(() => undefined);
  };
  return (
    <button type="button" className="lang-switch" data-testid="lang-switch" aria-label={t('lang.label')} onClick={choose}>
      {t('lang.switch')}
    </button>
  );
}
