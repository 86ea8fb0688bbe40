import { DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useApi, useEndpoints } from '../api/use-api.js';
import { ApiErrorBlock } from '../screens/ApiErrorBlock.js';
import { personName } from './doctor-api.js';
import { DoctorPage } from './DoctorPage.js';
import { hkTime, useDoctorI18n } from './doctor-messages.js';
import { docTypeLabel } from './grants/grant-messages.js';
import { PagedList } from './PagedList.js';

/**
 * /doctor/documents — "Documents I can open": every live document the policy lets me open now, newest
 * first, a page at a time (more on scroll), each with its case, type, author and why I may open it.
 * Tapping one opens it through the view token, decided and recorded there.
 */
export function DocumentsScreen() {
  const { t, lang } = useDoctorI18n();
  const ep = useEndpoints();
  const navigate = useNavigate();
  const load = useApi('openableDocuments', []);
  let body;
  if (!load.data && load.error !== null) body = <ApiErrorBlock error={load.error} />;
  else if (!load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else
    body = (
      <PagedList
        testId="openable-documents"
        header={<span className="muted">{t('docs.hint')}</span>}
        first={load.data}
        more={(c) => ep.openableDocuments(c)}
        empty={<ErrorBlock status="empty" title={t('docs.none')} description="" data-testid="openable-none" />}
        row={(d) => (
          <List.Item key={d.documentId} data-testid="openable-document" onClick={() => navigate(`/doc/${d.documentId}`)}
            description={`${personName(lang, d.author)} · ${hkTime(d.createdAt)}`}
            extra={<Tag color={d.via === 'care_team' ? 'primary' : 'warning'} fill="outline" data-testid="openable-via">{t(`docs.via.${d.via}`)}</Tag>}>
            <span className="case-code">{d.caseCode}</span> · {docTypeLabel(d.docType, lang)}
          </List.Item>
        )}
      />
    );
  return <DoctorPage title={t('docs.title')}>{body}</DoctorPage>;
}
