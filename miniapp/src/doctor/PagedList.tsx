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
 * "No more" shows once more than the first page was loaded and the last one came.
 */
export function PagedList<T>(props: {
  header: ReactNode;
  first: Paged<T>;
  more: (cursor: string) => Promise<Paged<T>>;
  row: (item: T) => ReactNode;
  testId: string;
}) {
  const { t } = useDoctorI18n();
  const [items, setItems] = useState(props.first.items);
  const [cursor, setCursor] = useState(props.first.nextCursor);
  const [pages, setPages] = useState(1);
  const loadMore = async () => {
    if (!cursor) return;
    const page = await props.more(cursor);
    setItems((xs) => [...xs, ...page.items]);
    setCursor(page.nextCursor);
    setPages((n) => n + 1);
  };
  return (
    <div data-testid={props.testId}>
      <List header={props.header}>{items.map(props.row)}</List>
      <InfiniteScroll loadMore={loadMore} hasMore={cursor !== null} threshold={100}>
        {(hasMore, failed, retry) =>
          failed ? (
            <a onClick={() => void retry()} data-testid="list-retry">{t('error')}</a>
          ) : hasMore ? (
            <span className="muted" data-testid="list-more"><DotLoading color="primary" /> {t('list.more')}</span>
          ) : pages > 1 ? (
            <span className="muted" data-testid="list-end">{t('list.end')}</span>
          ) : null
        }
      </InfiniteScroll>
    </div>
  );
}
