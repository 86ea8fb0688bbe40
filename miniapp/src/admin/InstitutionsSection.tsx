import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import type { InstitutionDto } from './admin-types.js';

/** The hospitals and clinics clinicians can belong to; new ones are added here (public or private: a choice, no default). */
export function InstitutionsSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [form] = Form.useForm<{ code: string; nameEn: string; nameZh?: string; sector: 'public' | 'private' }>();
  const [error, setError] = useState<unknown>(null);
  const list = useLoader(() => api.institutions(), []);
  const add = async (v: { code: string; nameEn: string; nameZh?: string; sector: 'public' | 'private' }) => {
    setError(null);
    try {
      await api.addInstitution({ ...v, nameZh: v.nameZh || undefined });
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('nav.institutions')}>
        <ErrorNote error={list.error} />
        <Table<InstitutionDto>
          data-testid="inst-table"
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.loading}
          dataSource={list.data?.institutions ?? []}
          columns={[
            { title: t('inst.code'), dataIndex: 'code' },
            { title: t('inst.nameEn'), dataIndex: 'nameEn' },
            { title: t('inst.nameZh'), dataIndex: 'nameZh', render: (v: string | null) => v ?? '—' },
            { title: t('inst.sector'), dataIndex: 'sector', render: (s: string) => <Tag color={s === 'public' ? 'blue' : 'purple'}>{t(s === 'public' ? 'inst.public' : 'inst.private')}</Tag> },
          ]}
        />
      </Card>
      <Card title={t('inst.add')}>
        <ErrorNote error={error} />
        <Form form={form} layout="inline" onFinish={add} style={{ rowGap: 8 }}>
          <Form.Item name="code" label={t('inst.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{2,32}$/ }]}><Input style={{ width: 110 }} data-testid="inst-code" /></Form.Item>
          <Form.Item name="nameEn" label={t('inst.nameEn')} rules={[{ required: true }]}><Input style={{ width: 240 }} data-testid="inst-name-en" /></Form.Item>
          <Form.Item name="nameZh" label={t('inst.nameZh')}><Input style={{ width: 160 }} /></Form.Item>
          <Form.Item name="sector" label={t('inst.sector')} rules={[{ required: true, message: t('inst.sectorRequired') }]}>
            <Select style={{ width: 160 }} placeholder={t('inst.sectorRequired')} data-testid="inst-sector" options={[{ value: 'public', label: t('inst.public') }, { value: 'private', label: t('inst.private') }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="inst-add">{t('inst.add')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
