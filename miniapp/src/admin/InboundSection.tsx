import { Card, Table, Typography } from 'antd';
import { useAdminApi } from './admin-api.js';
import { ErrorNote, useLoad, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';

interface InboundItem {
  msgId: string;
  topic: string;
  attempts: number;
  reason: string | null;
  receivedAt: string;
}

/** Inbound dead letters: what DingTalk delivered and we could not handle, with the reason (never the text). */
export function InboundSection() {
  const api = useAdminApi();
  const { t } = useAdminT();
  const list = useLoad(() => api.call<{ items: InboundItem[]; total: number }>('/inbound', { query: { state: 'dead', limit: '200' } }), []);
  return (
    <Card title={`${t('ib.title')}${list.data ? ` (${list.data.total})` : ''}`} style={{ marginTop: 16 }} data-testid="inbound-dead-letters">
      <Typography.Paragraph type="secondary">{t('ib.intro')}</Typography.Paragraph>
      <ErrorNote error={list.error} />
      <Table<InboundItem>
        rowKey="msgId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('ib.msgId'), dataIndex: 'msgId', ellipsis: true },
          { title: t('ib.topic'), dataIndex: 'topic', ellipsis: true },
          { title: t('ib.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          { title: t('ob.attempts'), dataIndex: 'attempts', width: 90 },
          { title: t('ib.received'), dataIndex: 'receivedAt', render: (v: string) => when(v) },
        ]}
      />
    </Card>
  );
}
