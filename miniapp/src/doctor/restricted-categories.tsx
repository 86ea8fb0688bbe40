import { Selector } from 'antd-mobile';
import { useI18n } from '../i18n/i18n.js';

/**
 * Restricted record categories (eHRSS "restricted control") a doctor can choose in the app. The server
 * takes any category code, so a hospital can add its own; these are the ones the screens offer.
 */
export const RESTRICTED_CATEGORIES = [
  { code: 'mental_health', en: 'Mental health', zh: '精神健康' },
  { code: 'hiv', en: 'HIV', zh: '愛滋病病毒' },
  { code: 'sexual_health', en: 'Sexual health', zh: '性健康' },
  { code: 'genetic', en: 'Genetic', zh: '遺傳資料' },
  { code: 'substance_use', en: 'Substance use', zh: '藥物使用' },
] as const;

export type RestrictedCode = (typeof RESTRICTED_CATEGORIES)[number]['code'];

/** Pick one category or none (tap the chosen one again to clear it). */
export function RestrictedPicker({ value, onChange, testId }: { value: RestrictedCode | null; onChange: (v: RestrictedCode | null) => void; testId: string }) {
  const { lang } = useI18n();
  const options = RESTRICTED_CATEGORIES.map((c) => ({ label: lang === 'en' ? c.en : c.zh, value: c.code }));
  return <Selector data-testid={testId} options={options} value={value ? [value] : []} onChange={(v) => onChange((v[0] as RestrictedCode | undefined) ?? null)} />;
}

/** Several categories at once, for consent. */
export function RestrictedMultiPicker({ value, onChange, testId }: { value: RestrictedCode[]; onChange: (v: RestrictedCode[]) => void; testId: string }) {
  const { lang } = useI18n();
  const options = RESTRICTED_CATEGORIES.map((c) => ({ label: lang === 'en' ? c.en : c.zh, value: c.code }));
  return <Selector multiple data-testid={testId} options={options} value={value} onChange={(v) => onChange(v as RestrictedCode[])} />;
}
