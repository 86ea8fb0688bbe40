import { Button, Form, Input, Popconfirm, Table } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import type { CaseGroupDto as GroupBinding } from '../../../src/contract/admin-console.js';

/** The DingTalk consult groups bound to a case: bind one by conversation id, or unbind (which ends roles given through it). */
export function CaseGroups({ caseCode, onChanged }: { caseCode: string; onChanged(): void }) {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [form] = Form.useForm<{ conversationId: string }>();
  const groups = useLoader(() => api.groups(caseCode), [caseCode]);
  const [error, setError] = useState<unknown>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      form.resetFields();
      groups.reload();
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div data-testid="case-groups">
      <h4>{t('cases.groups')}</h4>
      <ErrorNote error={error ?? groups.error} />
      <Table<GroupBinding>
        rowKey="conversationId"
        size="small"
        pagination={false}
        loading={groups.loading}
        dataSource={groups.data?.groups ?? []}
        columns={[
          { title: t('cases.conversationId'), dataIndex: 'conversationId' },
          { title: t('cases.boundBy'), dataIndex: 'boundBy', render: (id: string, g) => <span title={id}>{g.boundByName ?? id}</span> },
          { title: t('cases.boundAt'), dataIndex: 'boundAt', render: (v: string) => when(v) },
          {
            title: t('cases.actions'),
            key: 'unbind',
            render: (_, g) => (
              <Popconfirm title={t('cases.unbindConfirm')} onConfirm={() => act(() => api.unbindGroup(caseCode, g.conversationId))}>
                <Button size="small" danger data-testid="case-group-unbind">{t('cases.unbind')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => act(() => api.bindGroup(caseCode, v.conversationId.trim()))}>
        <Form.Item name="conversationId" rules={[{ required: true, whitespace: true, max: 128 }]}>
          <Input placeholder={t('cases.conversationId')} style={{ width: 280 }} data-testid="case-group-id" />
        </Form.Item>
        <Button htmlType="submit" data-testid="case-group-bind">{t('cases.bind')}</Button>
      </Form>
    </div>
  );
}
