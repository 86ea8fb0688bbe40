import { Button, Card, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';
import type { OutboxItemDto as OutboxItem } from '../../../src/contract/admin-console.js';

/** Outgoing DingTalk calls by status, newest first, more as the list scrolls; dead letters can be retried or discarded. */
export function OutboxSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [status, setStatus] = useState<OutboxItem['status']>('dead');
  const [error, setError] = useState<unknown>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const list = useKeysetList<OutboxItem>(async (cursor) => {
    const page = await api.outbox({ status, limit: '50', cursor });
    setCounts(page.counts);
    return { items: page.items, next: page.nextCursor };
  }, [api, status]);
  const act = async (id: number, what: 'retry' | 'discard') => {
    setError(null);
    try {
      await api.outboxAct(id, what);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card
      title={t('nav.outbox')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as OutboxItem['status'])}
          options={(['dead', 'pending', 'sent', 'discarded'] as const).map((s) => ({ value: s, label: `${t(`st.${s}`)}${counts[s] === undefined ? '' : ` (${counts[s]})`}` }))}
        />
      }
    >
      <ErrorNote error={list.error ?? error} />
      <Table<OutboxItem>
        data-testid="outbox-items"
        rowKey="id"
        size="small"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('ob.kind'), dataIndex: 'kind' },
          { title: t('ov.status'), dataIndex: 'status', render: (s: OutboxItem['status']) => <Tag color={s === 'dead' ? 'red' : s === 'sent' ? 'green' : undefined}>{t(`st.${s}`)}</Tag> },
          { title: t('ob.attempts'), dataIndex: 'attempts' },
          { title: t('ob.lastError'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('ob.next'), dataIndex: 'nextAttemptAt', render: (v: string) => when(v) },
          {
            title: '',
            key: 'actions',
            render: (_, r) =>
              r.status === 'dead' && (
                <Space>
                  <Button size="small" onClick={() => act(r.id, 'retry')}>{t('ob.retry')}</Button>
                  <Popconfirm title={t('ob.discard')} onConfirm={() => act(r.id, 'discard')}>
                    <Button size="small" danger>{t('ob.discard')}</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <MoreOnScroll list={list} testId="outbox-more" />
    </Card>
  );
}
