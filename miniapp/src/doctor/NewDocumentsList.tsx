import { DotLoading, InfiniteScroll, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useEndpoints } from '../api/use-api.js';
import { personLine, type Inbox } from './doctor-api.js';
import { hkTime, useDoctorI18n } from './doctor-messages.js';

/**
 * The inbox's new documents: the first page came with the inbox; scrolling to the end loads the next
 * page by its cursor (InfiniteScroll), so the screen never asks for the whole history at once.
 */
export function NewDocumentsList({ inbox }: { inbox: Inbox }) {
  const navigate = useNavigate();
  const ep = useEndpoints();
  const { t, lang } = useDoctorI18n();
  const [items, setItems] = useState(inbox.newDocuments);
  const [cursor, setCursor] = useState(inbox.newDocumentsNext);
  const loadMore = async () => {
    if (!cursor) return;
    const page = await ep.inboxDocuments(cursor);
    setItems((xs) => [...xs, ...page.items]);
    setCursor(page.nextCursor);
  };
  return (
    <div data-testid="new-documents">
      <List header={`${t('inbox.newDocuments')} (${inbox.newDocumentsTotal})`}>
        {items.map((d) => (
          <List.Item key={d.documentId} data-testid="new-document" onClick={() => navigate(`/doc/${d.documentId}`)} description={`${t('inbox.from')} ${personLine(lang, d.author)} · ${hkTime(d.createdAt)}`} extra={<Tag color="primary">{d.caseCode}</Tag>}>
            {t('case.report')}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll loadMore={loadMore} hasMore={cursor !== null}>
        {(hasMore) => (hasMore ? <DotLoading color="primary" /> : null)}
      </InfiniteScroll>
    </div>
  );
}
