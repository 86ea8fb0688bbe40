import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhHK from 'antd-mobile/es/locales/zh-HK';
import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { readDingTalkEnv } from './auth/dingtalk-env.js';
import { SessionProvider } from './auth/session.js';
import { detectLanguage } from './i18n/detect-language.js';
import { I18nProvider, LANG_STORAGE_KEY, useI18n } from './i18n/i18n.js';
import { BASE } from './router.js';
import './styles.css';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

function MobileLocale({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return <ConfigProvider locale={lang === 'zh-HK' ? zhHK : enUS}>{children}</ConfigProvider>;
}

// The sandbox chat picks its own demo user, so it starts without the sign-in machinery (whose refresh
// and demo-user calls are rate-limited per address and would be wasted here).
const SandboxChat = lazy(() => import('./sandbox-chat/SandboxChat.js'));
const isSandboxChat = window.location.pathname.replace(/\/$/, '') === `${BASE}/sandbox`;

const env = readDingTalkEnv();
const saved = savedLanguage();
const initial = detectLanguage({ saved, dingtalk: env.language, browser: navigator.languages });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={initial} chosen={saved === 'en' || saved === 'zh-HK'}>
      <MobileLocale>
        {isSandboxChat ? (
          <Suspense fallback={null}>
            <SandboxChat />
          </Suspense>
        ) : (
          <BrowserRouter basename={BASE}>
            <SessionProvider env={env}>
              <App />
            </SessionProvider>
          </BrowserRouter>
        )}
      </MobileLocale>
    </I18nProvider>
  </StrictMode>,
);
