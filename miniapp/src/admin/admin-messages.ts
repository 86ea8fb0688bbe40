import { useI18n } from '../i18n/i18n.js';
import { en, type AdminKey } from './admin-messages-en.js';
import { zh } from './admin-messages-zh.js';

export type { AdminKey };

/** The console's own strings (kept apart from the doctor screens' table), both languages, same keys. */
export const ADMIN_MESSAGES = { en, 'zh-HK': zh } as const;

/** `t` for the console, in the language chosen in the app (the switch in the header). */
export function useAdminT(): { t: (key: AdminKey) => string; lang: 'en' | 'zh-HK' } {
  const { lang } = useI18n();
  const l = lang === 'zh-HK' ? 'zh-HK' : 'en';
  return { t: (key) => ADMIN_MESSAGES[l][key], lang: l };
}
