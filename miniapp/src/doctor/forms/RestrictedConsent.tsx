import { Input, List } from 'antd-mobile';
import { RestrictedMultiPicker, type RestrictedCode } from '../restricted-categories.js';
import { useFormI18n } from './form-messages.js';

export type RestrictedChoice = { categories: RestrictedCode[]; reference: string };

/** As the forms API takes it: one entry per category, all with the same consent reference; nothing when none. */
export function restrictedEntries(c: RestrictedChoice): { restrictedConsents?: Array<{ category: string; reference: string }> } {
  const reference = c.reference.trim();
  if (c.categories.length === 0 || !reference) return {};
  return { restrictedConsents: c.categories.map((category) => ({ category, reference })) };
}

/** Recorded extra consent for restricted categories (eHRSS "restricted control"): categories and the consent's reference. */
export function RestrictedConsent({ value, onChange }: { value: RestrictedChoice; onChange: (v: RestrictedChoice) => void }) {
  const { t } = useFormI18n();
  return (
    <List header={t('restricted.title')}>
      <List.Item description={t('restricted.hint')}>
        <RestrictedMultiPicker value={value.categories} onChange={(categories) => onChange({ ...value, categories })} testId="form-restricted" />
      </List.Item>
      {value.categories.length > 0 && (
        <List.Item>
          <Input data-testid="form-restricted-reference" placeholder={t('restricted.reference')} maxLength={200} value={value.reference} onChange={(reference) => onChange({ ...value, reference })} />
        </List.Item>
      )}
    </List>
  );
}
