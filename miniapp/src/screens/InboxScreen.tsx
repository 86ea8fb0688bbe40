import { ErrorBlock } from 'antd-mobile';
import { useI18n } from '../i18n/i18n.js';

/** Placeholder until the inbox API lands: says what will be here, so a doctor is not left guessing. */
export function InboxScreen() {
  const { t } = useI18n();
  return (
    <div data-testid="inbox">
      <ErrorBlock status="empty" title={t('inbox.empty')} description={t('inbox.soon')} />
    </div>
  );
}
