import { auditActionWords, auditOutcomeWords } from '../../../src/shared/audit-words.js';
import { Table, Tag } from 'antd';
import { when } from './admin-hooks.js';
import { documentTypeLabel } from '../../../src/contract/document-types.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import type { AuditEntryDto } from './admin-types.js';

type TargetRef = NonNullable<AuditEntryDto['targetRef']>;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const OUTCOME_COLOUR = { success: 'green', denied: 'orange', failure: 'red' } as const;

/** Audit entries as a table; ids and codes only (the log never holds patient data). */
export function AuditTable({ entries, loading, testId, names }: { entries: AuditEntryDto[]; loading?: boolean; testId?: string; names?: ReadonlyMap<string, string> }) {
  const { t, lang } = useAdminT();
  const l = lang === 'zh-HK' ? 'zh' : 'en';
  // A person reads as their name, a record as what it is and its case ("Lab result · C-7KQ2M"), an
  // id the service could not describe as "another record": the id stays in the tooltip, for filtering.
  const thing = (ref: TargetRef) => {
    const what = ref.kind === 'document' ? documentTypeLabel(ref.docType ?? 'report', l) : t(`audit.kind.${ref.kind}` as AdminKey);
    return [what, ref.caseCode ?? ref.code].filter(Boolean).join(' · ');
  };
  const who = (v: string | null, name?: string | null, ref?: TargetRef | null) =>
    v === null ? '—' : <span title={v}>{name ?? names?.get(v) ?? (ref ? thing(ref) : UUID.test(v) ? t('audit.kind.record') : v)}</span>;
  return (
    <Table<AuditEntryDto>
      data-testid={testId}
      rowKey="idx"
      size="small"
      loading={loading}
      dataSource={entries}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 980 }}
      columns={[
        { title: '#', dataIndex: 'idx', width: 56 },
        { title: t('audit.time'), dataIndex: 'at', width: 110, render: (v: string) => when(v) },
        { title: t('audit.actor'), dataIndex: 'actor', width: 150, ellipsis: true, render: (v: string, e) => who(v, e.actorName) },
        { title: t('audit.action'), dataIndex: 'action', width: 160, render: (a: string) => <span title={a}>{auditActionWords(a, l)}</span> },
        { title: t('audit.target'), dataIndex: 'target', width: 170, ellipsis: true, render: (v: string | null, e) => who(v, e.targetName, e.targetRef) },
        { title: t('audit.outcome'), dataIndex: 'outcome', width: 90, render: (o: AuditEntryDto['outcome']) => <Tag color={OUTCOME_COLOUR[o]}>{auditOutcomeWords(o, l)}</Tag> },
        { title: t('audit.reason'), dataIndex: 'reason', width: 110, ellipsis: true, render: (v: string | null, e) => (v === null ? '—' : <span title={v}>{e.reasonName ?? v}</span>) },
        { title: t('audit.trace'), dataIndex: 'trace', width: 120, render: (v: string | null) => (v ? <code>{v}</code> : '—') },
      ]}
    />
  );
}
