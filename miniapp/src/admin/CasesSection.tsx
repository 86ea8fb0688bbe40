import { Button, Card, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAdminApi } from './admin-api.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';

interface TeamMember {
  clinicianId: string;
  nameEn: string;
  nameZh: string | null;
  careRole: string;
  specialty: string | null;
  institutionName: string | null;
  verified: boolean;
  suspended: boolean;
  since: number;
}

/** A case's current care team by case code (changes to the team are made in chat by the attending). */
export function CasesSection() {
  const api = useAdminApi();
  const { t, lang } = useAdminT();
  const [found, setFound] = useState<{ caseCode: string; team: TeamMember[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lookup = async ({ code }: { code: string }) => {
    setError(null);
    setFound(null);
    try {
      setFound(await api.call(`/cases/${encodeURIComponent(code.trim().toUpperCase())}/team`));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('nav.cases')}>
      <ErrorNote error={error} />
      <Form layout="inline" onFinish={lookup} style={{ marginBottom: 16 }}>
        <Form.Item name="code" rules={[{ required: true, pattern: /^\s*C-[A-Za-z0-9]{3,12}\s*$/ }]}>
          <Input placeholder="C-XXXXX" style={{ width: 200 }} data-testid="case-code" />
        </Form.Item>
        <Button htmlType="submit" type="primary" data-testid="case-lookup">{t('audit.lookup')}</Button>
      </Form>
      {found && (
        <Table<TeamMember>
          data-testid="case-team"
          rowKey="clinicianId"
          size="small"
          pagination={false}
          dataSource={found.team}
          columns={[
            { title: t('clin.name'), key: 'name', render: (_, m) => (lang === 'zh-HK' ? m.nameZh ?? m.nameEn : m.nameEn) },
            { title: t('cases.careRole'), dataIndex: 'careRole', render: (r: string) => <Tag>{r}</Tag> },
            { title: t('clin.specialty'), dataIndex: 'specialty', render: (v: string | null) => v ?? '—' },
            { title: t('clin.institution'), dataIndex: 'institutionName', render: (v: string | null) => v ?? '—' },
            { title: t('clin.status'), key: 'status', render: (_, m) => (m.suspended ? <Tag color="red">{t('clin.suspended')}</Tag> : m.verified ? <Tag color="green">{t('clin.verified')}</Tag> : <Tag color="orange">{t('clin.unverified')}</Tag>) },
            { title: t('cases.since'), dataIndex: 'since', render: (v: number) => when(new Date(v).toISOString()) },
          ]}
        />
      )}
    </Card>
  );
}
