import { Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { documentTypeLabel } from '../../../src/contract/document-types.js';
import { ApiError } from '../api/api-error.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { when } from './admin-hooks.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import { clinicianName } from './admin-types.js';
import { useKeptPick } from './kept-pick.js';
import { useRemoteSearch } from './remote-search.js';

/** What antd's Form.Item hands a custom field. */
interface FieldProps {
  value?: string;
  onChange?: (value: string) => void;
}

/** Same shape the service checks (src/domain/cases/case-code.ts), loosened for typing in lower case. */
const CASE_CODE = /^C-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$/;
const FORMAT: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** A person by name, searched in the directory as the admin types (English or Chinese). */
export function PersonPicker({ value, onChange }: FieldProps) {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const [more, setMore] = useState(false);
  const people = useRemoteSearch(
    (q) =>
      api.people(q).then((r) => {
        setMore(r.more);
        return r.people;
      }),
    { initial: '' },
  );
  const { listed, choose, selected } = useKeptPick(people.items, (p) => p.dingtalkUserId, value, onChange);
  const options = listed.map((p) => ({
    value: p.dingtalkUserId,
    'data-testid': `explain-person-${p.dingtalkUserId}`,
    label: (
      <Space size={4}>
        <span>{clinicianName({ ...p, displayName: p.nameEn }, lang)}</span>
        <span style={{ color: '#888' }}>{[p.role, p.specialty, p.institution].filter(Boolean).join(' · ')}</span>
        {p.suspended ? <Tag color="red">{t('clin.suspended')}</Tag> : !p.verified && <Tag color="orange">{t('clin.unverified')}</Tag>}
      </Space>
    ),
  }));
  return (
    <Select
      value={selected}
      onChange={choose}
      showSearch={{ filterOption: false, onSearch: people.search }}
      loading={people.loading}
      options={options}
      placeholder={t('pol.personHint')}
      notFoundContent={people.loading ? t('common.loading') : t('pol.noPeople')}
      popupRender={(menu) => (
        <>
          {menu}
          {more && <div style={{ padding: '4px 12px', color: '#888', fontSize: 12 }}>{t('pol.morePeople')}</div>}
        </>
      )}
      style={{ width: 320 }}
      data-testid="explain-clinician"
    />
  );
}

/**
 * A document by its case: the admin types the case code and picks from that case's documents,
 * each named by number, kind, format, date and author (the service keeps no titles). Burned ones
 * are shown but cannot be picked: there is nothing left to decide about.
 */
export function DocumentPicker({ value, onChange }: FieldProps) {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const [hint, setHint] = useState<AdminKey>('pol.docHint');
  const docs = useRemoteSearch((text) => {
    const code = text.trim().toUpperCase();
    // Not a whole case code yet: the list of the case already looked up stays.
    if (!CASE_CODE.test(code)) return null;
    return api.caseDocuments(code).then(
      (r) => {
        setHint('pol.noDocs');
        return r.documents.map((d) => ({ ...d, caseCode: r.caseCode }));
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 404) {
          setHint('pol.noCase');
          return [];
        }
        throw err;
      },
    );
  });
  const { listed, choose, selected } = useKeptPick(docs.items, (d) => `${d.caseCode} #${d.seq}`, value, onChange);
  const options = listed.map((d) => ({
    value: `${d.caseCode} #${d.seq}`,
    disabled: d.status === 'destroyed',
    'data-testid': `explain-doc-${d.seq}`,
    label: (
      <Space size={4}>
        <span>
          {d.caseCode} · #{d.seq} {d.kind === 'report' ? documentTypeLabel(d.docType, lang === 'zh-HK' ? 'zh' : 'en') : t(`pol.kind.${d.kind}` as AdminKey)} · {FORMAT[d.mediaType] ?? d.mediaType} · {when(d.sharedAt)} · {d.author.name}
        </span>
        {d.restricted && <Tag color="purple">{t('pol.restricted')}</Tag>}
        {d.status === 'destroyed' && <Tag>{t('pol.destroyed')}</Tag>}
      </Space>
    ),
  }));
  return (
    <Select
      value={selected}
      onChange={choose}
      showSearch={{ filterOption: false, onSearch: docs.search }}
      loading={docs.loading}
      options={options}
      placeholder={t('pol.docHint')}
      notFoundContent={docs.loading ? t('common.loading') : docs.error ? t('common.error') : t(hint)}
      style={{ width: 520 }}
      data-testid="explain-document"
    />
  );
}
