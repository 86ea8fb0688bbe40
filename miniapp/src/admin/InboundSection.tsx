import { Card, Table, Typography } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import type { InboundItemDto as InboundItem } from '../../../src/contract/admin-console.js';

/** Inbound dead letters: what DingTalk delivered and we could not handle, with the reason (never the text). */
export function InboundSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const list = useLoader(() => api.inbound({ state: 'dead', limit: '200' }), []);
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
