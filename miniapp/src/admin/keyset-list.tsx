import { Button } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAdminT } from './admin-messages.js';

/** One keyset page of a console list: its rows, newest first, and the cursor of the next page (null: no more). */
export interface KeysetPage<T> {
  items: T[];
  next: string | null;
}

export interface KeysetList<T> {
  items: T[];
  /** True while a page is on its way. */
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  /** Loads the next page (ignored while one is on its way or when there is none). */
  more(): void;
  /** Loads the first page again (the rows stay on screen until it arrives). */
  reload(): void;
}

interface State<T> {
  items: T[];
  next: string | null;
  loading: boolean;
  error: unknown;
}

/**
 * A console list read a keyset page at a time: the first page whenever `deps` change, the next on
 * `more()`. A late answer of an earlier run (new filter, reload, unmount) is dropped.
 */
export function useKeysetList<T>(load: (cursor: string | undefined) => Promise<KeysetPage<T>>, deps: readonly unknown[]): KeysetList<T> {
  const [state, setState] = useState<State<T>>({ items: [], next: null, loading: true, error: null });
  const run = useRef(0);
  const busy = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback((cursor: string | undefined, fresh: boolean) => {
    const mine = cursor === undefined ? ++run.current : run.current;
    busy.current = true;
    setState((s) => (fresh ? { items: [], next: null, loading: true, error: null } : { ...s, loading: true }));
    loadRef.current(cursor).then(
      (page) => {
        if (mine !== run.current) return;
        busy.current = false;
        setState((s) => ({ items: cursor === undefined ? page.items : [...s.items, ...page.items], next: page.next, loading: false, error: null }));
      },
      (error: unknown) => {
        if (mine !== run.current) return;
        busy.current = false;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(undefined, true);
    return () => {
      run.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const more = useCallback(() => {
    const { next, error } = stateRef.current;
    if (busy.current || next === null || error) return;
    fetchPage(next, false);
  }, [fetchPage]);
  const reload = useCallback(() => fetchPage(undefined, false), [fetchPage]);

  return { items: state.items, loading: state.loading, error: state.error, hasMore: state.next !== null, more, reload };
}

/**
 * The foot of a keyset list: scrolling it into view loads the next page (an IntersectionObserver on
 * a sentinel, watched again after each page, so a short page keeps loading until the view is full);
 * the button does the same from the keyboard. Shows nothing once the last page is in.
 */
export function MoreOnScroll({ list, testId }: { list: Pick<KeysetList<unknown>, 'hasMore' | 'loading' | 'more' | 'items'>; testId: string }) {
  const { t } = useAdminT();
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loading, more } = list;
  const count = list.items.length;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || loading || typeof IntersectionObserver === 'undefined') return;
    const watch = new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && more(), { rootMargin: '120px' });
    watch.observe(el);
    return () => watch.disconnect();
  }, [hasMore, loading, more, count]);
  if (!hasMore) return null;
  return (
    <div ref={sentinel} data-testid={testId} style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={more} loading={loading}>{t('common.more')}</Button>
    </div>
  );
}
