import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-error.js';
import type { Endpoints } from './endpoints.js';

export interface Loaded<T> {
  data: T | undefined;
  /** The failed call's error (an ApiError for the service's coded answers), or null. */
  error: unknown;
  loading: boolean;
  /** Calls again (the current data stays until the new answer arrives). */
  reload(): void;
}

/**
 * The one data-loading hook: runs `load` on mount and whenever `deps` change; a late answer of an
 * earlier run (or after unmount) is dropped, so the state always matches the latest call.
 */
export function useLoader<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean }>({ error: null, loading: true });
  const run = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const start = useCallback((fresh: boolean) => {
    const mine = ++run.current;
    // New arguments show nothing of the old answer; a reload keeps it on screen until the new one.
    setState((s) => (fresh ? { error: null, loading: true } : { ...s, loading: true }));
    loadRef.current().then(
      (data) => mine === run.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === run.current && setState({ error, loading: false }),
    );
  }, []);
  const reload = useCallback(() => start(false), [start]);
  useEffect(() => {
    start(true);
    return () => {
      run.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** The signed-in session's typed endpoints (provided by SessionProvider). */
export const EndpointsContext = createContext<Endpoints | null>(null);

export function useEndpoints(): Endpoints {
  const ep = useContext(EndpointsContext);
  if (!ep) throw new Error('useEndpoints outside SessionProvider');
  return ep;
}

type EndpointName = { [K in keyof Endpoints]: Endpoints[K] extends (...a: never[]) => Promise<unknown> ? K : never }[keyof Endpoints];

/** `useApi('caseView', [code])`: calls that endpoint with those arguments, again when they change. */
export function useApi<K extends EndpointName>(endpoint: K, args: Parameters<Endpoints[K]>): Loaded<Awaited<ReturnType<Endpoints[K]>>> {
  const ep = useEndpoints();
  const fn = ep[endpoint] as (...a: unknown[]) => Promise<Awaited<ReturnType<Endpoints[K]>>>;
  return useLoader(() => fn(...args), [ep, endpoint, ...args]);
}

/** The service's error code of a failed load ('internal' for anything else), for the screens' messages. */
export const errorCode = (error: unknown): string => (error instanceof ApiError ? error.code : 'internal');
