import { Badge, ErrorBlock, InfiniteScroll, List, SearchBar, Tag } from 'antd-mobile';
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { useEndpoints } from '../api/use-api.js';
import type { MyCase } from './doctor-api.js';
import { hkTime, useDoctorI18n } from './doctor-messages.js';
import { useCasesI18n } from './cases-messages.js';

const PAGE = 20;

/**
 * My cases, newest activity first: a search box (case code, HKID or patient name — the server decides
 * what may be searched) and a list that loads the next cursor page as it scrolls. Tap opens the case.
 */
export function CasesScreen() {
  const ep = useEndpoints();
  const navigate = useNavigate();
  const { t, errorText } = useCasesI18n();
  const { t: docs } = useDoctorI18n();
  const [items, setItems] = useState<MyCase[]>([]);
  const [hasMore, setHasMore] = useState(true);
  const [query, setQuery] = useState('');
  const [searchedBy, setSearchedBy] = useState<'code' | 'hkid' | 'name' | undefined>();
  const [error, setError] = useState<string | null>(null);
  const cursor = useRef<string | null>(null);
  const q = useRef('');
  // Each search starts a new list; a late page of an earlier one is dropped.
  const generation = useRef(0);

  const loadMore = useCallback(async () => {
    const mine = generation.current;
    try {
      const page = await ep.myCases({ q: q.current || undefined, cursor: cursor.current ?? undefined, limit: PAGE });
      if (mine !== generation.current) return;
      cursor.current = page.nextCursor;
      setItems((prev) => [...prev, ...page.items]);
      setSearchedBy(page.searchedBy);
      setHasMore(page.nextCursor !== null);
    } catch (err) {
      if (mine !== generation.current) return;
      setError(errorText(err instanceof ApiError ? err.code : 'other'));
      setHasMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the words only; the query and cursor are refs
  }, [ep, query]);

  const search = (text: string) => {
    generation.current++;
    cursor.current = null;
    q.current = text.trim();
    setItems([]);
    setError(null);
    setSearchedBy(undefined);
    setQuery(text.trim());
    setHasMore(true);
  };

  return (
    <div data-testid="cases">
      <List>
        <List.Item arrow data-testid="cases-documents" onClick={() => navigate('/doctor/documents')}>{docs('docs.title')}</List.Item>
      </List>
      <div className="padded" style={{ paddingBottom: 4 }}>
        <SearchBar data-testid="cases-search" placeholder={t('cases.search')} onSearch={search} onClear={() => search('')} maxLength={100} />
        <div className="muted" style={{ fontSize: 12, marginTop: 6 }}>{t('cases.searchHint')}</div>
      </div>
      {searchedBy && <div className="muted padded" style={{ paddingTop: 0, paddingBottom: 0 }} data-testid="cases-searched-by">{t(`cases.by.${searchedBy}`)}</div>}
      {error && <ErrorBlock status="default" title={error} description="" data-testid="cases-error" />}
      {!error && !hasMore && items.length === 0 && <ErrorBlock status="empty" title={t(query ? 'cases.noMatch' : 'cases.empty')} description="" data-testid="cases-empty" />}
      {items.length > 0 && (
        <List>
          {items.map((c) => (
            <List.Item
              key={c.code}
              data-testid={`case-row-${c.code}`}
              onClick={() => navigate(`/case/${c.code}`)}
              description={`${t(`role.${c.role}`)} · ${t('cases.last')} ${hkTime(c.lastActivityAt)}`}
              extra={c.unread > 0 ? <Badge content={c.unread} data-testid="case-unread" /> : <Tag color={c.status === 'open' ? 'success' : 'default'} fill="outline">{t(`status.${c.status}`)}</Tag>}
            >
              <span className="case-code">{c.code}</span>
            </List.Item>
          ))}
        </List>
      )}
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? <span data-testid="cases-loading">{t('cases.more')}</span> : items.length > 0 ? <span data-testid="cases-end">{t('cases.end')}</span> : null}
      </InfiniteScroll>
    </div>
  );
}
