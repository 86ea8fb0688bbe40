import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ConsoleMdtItemDto, ConsoleMdtPageDto } from '../../../../src/contract/mdt-lists.js';
import { useLoader } from '../../api/use-api.js';
import { useAdminEndpoints } from '../admin-endpoints.js';
import { ErrorNote, when } from '../admin-hooks.js';
import { fill } from '../consult-rules/consult-rule-messages.js';
import { useMdtConsoleI18n, type MdtConsoleKey } from './mdt-console-messages.js';

const STATUSES = ['scheduled', 'drafted', 'in_approval', 'returned', 'approved'] as const;
const COLOUR = { scheduled: 'blue', drafted: 'cyan', in_approval: 'gold', returned: 'orange', approved: 'green' } as const;

/**
 * MDT meetings across the service, newest first: filter by status; meetings in approval longer than
 * N days are highlighted with whom they wait on. Keyset pages ("Load more" asks for the next one).
 */
export function MdtSection() {
  const api = useAdminEndpoints();
  const { t, lang } = useMdtConsoleI18n();
  const [status, setStatus] = useState<string>('');
  const [stuckDays, setStuckDays] = useState(3);
  const first = useLoader(() => api.mdtMeetings({ status: status || undefined, stuckDays }), [status, stuckDays]);
  const [more, setMore] = useState<{ key: string; page: ConsoleMdtPageDto } | null>(null);
  const [moreErr, setMoreErr] = useState<unknown>(null);
  const key = `${status}|${stuckDays}`;
  const older = more?.key === key ? more.page : null;
  const items = [...(first.data?.items ?? []), ...(older?.items ?? [])];
  const next = older ? older.nextCursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    setMoreErr(null);
    try {
      const page = await api.mdtMeetings({ status: status || undefined, stuckDays, cursor: next! });
      setMore({ key, page: { items: [...(older?.items ?? []), ...page.items], nextCursor: page.nextCursor } });
    } catch (err) {
      setMoreErr(err);
    }
  };
  const name = (p: { nameEn: string; nameZh: string | null }) => (lang === 'en' ? p.nameEn : (p.nameZh ?? p.nameEn));
  return (
    <Card title={t('title')}>
      <p>{t('intro')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={status} onChange={setStatus} style={{ minWidth: 180 }} aria-label={t('status')} data-testid="mdt-status-filter"
          options={[{ value: '', label: t('status.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`st.${s}` as MdtConsoleKey) }))]} />
        <span>{t('stuckDays')}</span>
        <InputNumber min={0} max={365} value={stuckDays} onChange={(v) => setStuckDays(v ?? 3)} data-testid="mdt-stuck-days" style={{ width: 80 }} />
      </Space>
      <ErrorNote error={first.error ?? moreErr} />
      <Table<ConsoleMdtItemDto>
        rowKey="id" size="small" pagination={false} scroll={{ x: 760 }} loading={first.loading} dataSource={items} data-testid="mdt-meetings"
        locale={{ emptyText: t('none') }}
        rowClassName={(r) => (r.stuck ? 'mdt-stuck-row' : '')}
        onRow={(r) => ({ 'data-testid': r.stuck ? 'mdt-row-stuck' : 'mdt-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('case'), dataIndex: 'caseCode', render: (v: string) => <code style={{ whiteSpace: 'nowrap' }}>{v}</code> },
          { title: t('scheduledAt'), dataIndex: 'scheduledAt', render: (v: string) => when(v) },
          { title: t('status'), key: 's', render: (_, r) => <Space size={4} wrap><Tag color={COLOUR[r.status]}>{t(`st.${r.status}` as MdtConsoleKey)}</Tag>{r.stuck && <Tag color="red">{fill(t('stuck'), { d: stuckDays })}</Tag>}</Space> },
          { title: t('step'), key: 'step', render: (_, r) => (r.step ? fill(t('stepOf'), { n: r.step.position, m: r.step.of, who: name(r.step.approver) }) : '—') },
          { title: t('since'), dataIndex: 'since', render: (v: string) => when(v) },
          { title: t('organiser'), key: 'o', render: (_, r) => name(r.organiser) },
        ]}
      />
      {next !== null && <Button style={{ marginTop: 12 }} onClick={() => void loadMore()} data-testid="mdt-more">{t('more')}</Button>}
      {items.some((r) => r.stuck) && <Alert style={{ marginTop: 12 }} type="warning" showIcon data-testid="mdt-stuck-count" title={fill(t('stuckCount'), { n: items.filter((r) => r.stuck).length, d: stuckDays })} />}
    </Card>
  );
}
