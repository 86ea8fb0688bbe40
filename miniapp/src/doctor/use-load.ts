import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';

export type Load<T> = { kind: 'loading' } | { kind: 'ok'; data: T } | { kind: 'error'; code: string; status: number; body?: unknown };

/** Runs an API call on mount (and on reload()); a late answer after unmount is dropped. */
export function useLoad<T>(fn: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ kind: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    fn().then(
      (data) => live && setLoad({ kind: 'ok', data }),
      (err: unknown) => live && setLoad({ kind: 'error', code: err instanceof ApiError ? err.code : 'internal', status: err instanceof ApiError ? err.status : 0 }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return [load, useCallback(() => setN((x) => x + 1), [])];
}
