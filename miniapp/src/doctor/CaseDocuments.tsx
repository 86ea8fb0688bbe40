import { List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useEndpoints } from '../api/use-api.js';
import { personName, type CaseView } from './doctor-api.js';
import { hkTime, useDoctorI18n } from './doctor-messages.js';
import { docTypeLabel } from './grants/grant-messages.js';
import { PagedList } from './PagedList.js';

/**
 * The case screen's documents, newest first, with who opened each: the first page came with the case
 * (the header shows the total, a COUNT on the server); scrolling on loads the next page by cursor.
 */
export function CaseDocuments({ view: c }: { view: CaseView }) {
  const navigate = useNavigate();
  const ep = useEndpoints();
  const { t, lang } = useDoctorI18n();
  // Each later page of documents brings the rules that fired on its own documents.
  const [laterTriggers, setLaterTriggers] = useState<CaseView['consultTriggers']>([]);
  const triggers = [...c.consultTriggers, ...laterTriggers];
  if (c.documents.length === 0) {
    return (
      <List header={t('case.documents')}>
        <List.Item>{t('case.noDocuments')}</List.Item>
      </List>
    );
  }
  return (
    <PagedList
      testId="case-documents"
      header={`${t('case.documents')} (${c.documentsTotal})`}
      first={{ items: c.documents, nextCursor: c.documentsNext }}
      more={async (cursor) => {
        const page = await ep.caseDocuments(c.code, cursor);
        setLaterTriggers((xs) => [...xs, ...page.consultTriggers]);
        return page;
      }}
      row={(d) => (
        <List.Item
          key={d.documentId}
          data-testid="case-document"
          onClick={d.status === 'active' ? () => navigate(`/doc/${d.documentId}`) : undefined}
          description={
            <div>
              <div data-testid="opened-by">{t('case.openedBy')}: {d.openedBy.map((o) => personName(lang, o.person) + (o.viewCount > 1 ? ` ×${o.viewCount}` : '')).join('、') || '—'}</div>
              <div>{t('case.notOpened')}: {d.notOpened.map((p) => personName(lang, p)).join('、') || '—'}</div>
              {triggers.filter((f) => f.documentId === d.documentId).map((f) => (
                <Tag key={f.ruleId} color="warning" fill="outline" data-testid="consult-trigger" onClick={f.referralId ? (e) => { e.stopPropagation(); navigate(`/referral/${f.referralId}`); } : undefined}>
                  {t('case.triggeredConsult')} {f.ruleId}
                </Tag>
              ))}
            </div>
          }
          extra={hkTime(d.createdAt)}
        >
          {docTypeLabel(d.docType, lang)}{d.title ? ` · ${d.title}` : ''} · {personName(lang, d.author)}
        </List.Item>
      )}
    />
  );
}
