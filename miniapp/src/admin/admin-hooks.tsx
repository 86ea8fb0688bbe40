import { Alert } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { useAdminT } from './admin-messages.js';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads on mount and whenever `deps` change; a late answer of an earlier load is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const run = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => {
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => mine === run.current && setState({ data, loading: false }),
      (error: unknown) => mine === run.current && setState({ error, loading: false }),
    );
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, deps);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

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
