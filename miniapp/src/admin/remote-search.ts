import { useCallback, useEffect, useRef, useState } from 'react';

export interface RemoteSearch<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  /** The text typed so far; the lookup runs once typing pauses. */
  search(text: string): void;
}

/**
 * Options of a select that asks the service as the admin types: one call per pause in typing
 * (`delayMs`), and an answer that arrives after a newer one started is dropped, so the list always
 * matches what is in the box. `lookup` returns null when the text is not worth a call yet: the list
 * stays as it is (so a picked option keeps its label while the admin types).
 */
export function useRemoteSearch<T>(lookup: (text: string) => Promise<T[]> | null, opts: { delayMs?: number; initial?: string } = {}): RemoteSearch<T> {
  const delay = opts.delayMs ?? 250;
  const [state, setState] = useState<{ items: T[]; loading: boolean; error: unknown }>({ items: [], loading: false, error: null });
  const lookupRef = useRef(lookup);
  lookupRef.current = lookup;
  const run = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const start = useCallback((text: string) => {
    const pending = lookupRef.current(text);
    if (!pending) return;
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    pending.then(
      (items) => mine === run.current && setState({ items, loading: false, error: null }),
      (error: unknown) => mine === run.current && setState({ items: [], loading: false, error }),
    );
  }, []);

  const search = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => start(text), delay);
    },
    [start, delay],
  );

  useEffect(() => {
    if (opts.initial !== undefined) start(opts.initial);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { ...state, search };
}
