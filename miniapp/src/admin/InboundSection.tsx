import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';
import type { InboundItemDto as InboundItem } from '../../../src/contract/admin-console.js';

/** Inbound dead letters, newest first, more as the list scrolls: what DingTalk delivered and we could not handle, with the reason (never the text). */
export function InboundSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [dead, setDead] = useState<number | null>(null);
  const list = useKeysetList<InboundItem>(async (cursor) => {
    const page = await api.inbound({ state: 'dead', limit: '50', cursor });
    setDead(page.counts.dead ?? 0);
    return { items: page.items, next: page.nextCursor };
  }, [api]);
  return (
    <Card title={`${t('ib.title')}${dead === null ? '' : ` (${dead})`}`} style={{ marginTop: 16 }} data-testid="inbound-dead-letters">
      <Typography.Paragraph type="secondary">{t('ib.intro')}</Typography.Paragraph>
      <ErrorNote error={list.error} />
      <Table<InboundItem>
        rowKey="msgId"
        size="small"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('ib.msgId'), dataIndex: 'msgId', ellipsis: true },
          { title: t('ib.topic'), dataIndex: 'topic', ellipsis: true },
          { title: t('ib.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          { title: t('ob.attempts'), dataIndex: 'attempts', width: 90 },
          { title: t('ib.received'), dataIndex: 'receivedAt', render: (v: string) => when(v) },
        ]}
      />
      <MoreOnScroll list={list} testId="inbound-more" />
    </Card>
  );
}
