import { DotLoading, InfiniteScroll, List } from 'antd-mobile';
import { useState, type ReactNode } from 'react';
import { useDoctorI18n } from './doctor-messages.js';

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One list of the doctor screens in keyset pages: the first page came with the screen; scrolling to its
 * end loads the next by cursor (antd-mobile InfiniteScroll), so no screen asks for a whole history.
 * "No more" shows once more than the first page was loaded and the last one came. When the first page
 * is read again (a live list polled, or reloaded after a change), the pages loaded since are kept; with
 * `keyOf`, a row the new first page already shows is not shown twice.
 */
export function PagedList<T>(props: {
  header: ReactNode;
  first: Paged<T>;
  more: (cursor: string) => Promise<Paged<T>>;
  row: (item: T) => ReactNode;
  testId: string;
  keyOf?: (item: T) => string;
  /** Shown in the list when it has no rows at all. */
  empty?: ReactNode;
}) {
  const { t } = useDoctorI18n();
  const [more, setMore] = useState<{ items: T[]; cursor: string | null; pages: number }>({ items: [], cursor: null, pages: 1 });
  const cursor = more.pages > 1 ? more.cursor : props.first.nextCursor;
  const { keyOf } = props;
  const shown = keyOf ? new Set(props.first.items.map(keyOf)) : undefined;
  const items = [...props.first.items, ...(shown && keyOf ? more.items.filter((x) => !shown.has(keyOf(x))) : more.items)];
  const loadMore = async () => {
    if (!cursor) return;
    const page = await props.more(cursor);
    setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor, pages: m.pages + 1 }));
  };
  return (
    <div data-testid={props.testId}>
      <List header={props.header}>{items.length === 0 ? props.empty : items.map(props.row)}</List>
      <InfiniteScroll loadMore={loadMore} hasMore={cursor !== null} threshold={100}>
        {(hasMore, failed, retry) =>
          failed ? (
            <a onClick={() => void retry()} data-testid="list-retry">{t('error')}</a>
          ) : hasMore ? (
            <span className="muted" data-testid="list-more"><DotLoading color="primary" /> {t('list.more')}</span>
          ) : more.pages > 1 ? (
            <span className="muted" data-testid="list-end">{t('list.end')}</span>
          ) : null
        }
      </InfiniteScroll>
    </div>
  );
}
