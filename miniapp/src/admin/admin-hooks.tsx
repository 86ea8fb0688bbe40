import { hkFromIso } from '../../../src/shared/hk-time.js';
import { Alert } from 'antd';
import { ApiError } from '../api/api-error.js';
import { errorLine } from '../api/error-words.js';
import { useI18n } from '../i18n/i18n.js';
import { useAdminT } from './admin-messages.js';

/** An error answer as the console shows it: a 403 says the role may not; anything else says what happened and what to do (never the code). */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useAdminT();
  const { t: appWords } = useI18n();
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  const detail = errorLine(error, appWords);
  return <Alert type={forbidden ? 'warning' : 'error'} showIcon data-testid="admin-error" title={forbidden ? t('common.forbidden') : t('common.error')} description={forbidden ? undefined : detail} style={{ marginBottom: 16 }} />;
}

/** Date and time in HK time, labelled HKT, for tables (the service answers in ISO 8601): the shared formatter. */
export const when = (iso: string | null | undefined): string => hkFromIso(iso);
