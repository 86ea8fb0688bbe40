import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useEndpoints } from '../api/use-api.js';
import { personLine, type Inbox } from './doctor-api.js';
import { hkTime, useDoctorI18n } from './doctor-messages.js';
import { PagedList } from './PagedList.js';
import { NEW_DOCUMENTS_COUNT_CAP } from '../../../src/contract/inbox-badge.js';

/**
 * The inbox's new documents: the first page came with the inbox, the header shows the total (a COUNT
 * on the server, up to 100: 99+ past it); scrolling to the end loads the next page by its cursor.
 */
export function NewDocumentsList({ inbox }: { inbox: Inbox }) {
  const navigate = useNavigate();
  const ep = useEndpoints();
  const { t, lang } = useDoctorI18n();
  return (
    <PagedList
      testId="new-documents"
      header={`${t('inbox.newDocuments')} (${inbox.newDocumentsTotal >= NEW_DOCUMENTS_COUNT_CAP ? `${NEW_DOCUMENTS_COUNT_CAP - 1}+` : inbox.newDocumentsTotal})`}
      first={{ items: inbox.newDocuments, nextCursor: inbox.newDocumentsNext }}
      more={ep.inboxDocuments}
      row={(d) => (
        <List.Item key={d.documentId} data-testid="new-document" onClick={() => navigate(`/doc/${d.documentId}`)} description={`${t('inbox.from')} ${personLine(lang, d.author)} · ${hkTime(d.createdAt)}`} extra={<Tag color="primary">{d.caseCode}</Tag>}>
          {t('case.report')}
        </List.Item>
      )}
    />
  );
}
