import { Alert } from 'antd';
import { ApiError } from '../api/api-error.js';
import { useAdminT } from './admin-messages.js';

/** An error answer as the console shows it: a 403 says the role may not, anything else names the code. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useAdminT();
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  const detail = error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
  return <Alert type={forbidden ? 'warning' : 'error'} showIcon data-testid="admin-error" title={forbidden ? t('common.forbidden') : t('common.error')} description={forbidden ? undefined : detail} style={{ marginBottom: 16 }} />;
}

/** Local date and time, for tables (the service answers in ISO 8601). */
export const when = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString('en-GB', { hour12: false }) : '—');
