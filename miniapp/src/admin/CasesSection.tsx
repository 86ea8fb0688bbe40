import { Button, Card, DatePicker, Form, Input, Popconfirm, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAdminApi } from './admin-api.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import { CaseGroups } from './CaseGroups.js';
import { CaseTeamForm } from './CaseTeamForm.js';

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

/**
 * A case's care team in force by case code. Admins add or end members (optionally dated) and bind
 * consult groups here; in chat the attending does the same for their own cases.
 */
export function CasesSection() {
  const api = useAdminApi();
  const { t, lang } = useAdminT();
  const [found, setFound] = useState<{ caseCode: string; team: TeamMember[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [endAt, setEndAt] = useState<Dayjs | null>(null);
  const load = async (code: string) => {
    setError(null);
    try {
      setFound(await api.call(`/cases/${encodeURIComponent(code)}/team`));
    } catch (err) {
      setFound(null);
      setError(err);
    }
  };
  const lookup = ({ code }: { code: string }) => load(code.trim().toUpperCase());
  const end = async (caseCode: string, clinicianId: string) => {
    setError(null);
    try {
      await api.call(`/cases/${encodeURIComponent(caseCode)}/team/${encodeURIComponent(clinicianId)}`, { method: 'DELETE', query: { at: endAt?.toISOString() } });
      setEndAt(null);
      await load(caseCode);
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
        <>
          <Table<TeamMember>
            data-testid="case-team"
            rowKey="clinicianId"
            size="small"
            pagination={false}
            dataSource={found.team}
            columns={[
              { title: t('clin.name'), key: 'name', render: (_, m) => (lang === 'zh-HK' ? m.nameZh ?? m.nameEn : m.nameEn) },
              { title: t('cases.careRole'), dataIndex: 'careRole', render: (r: string) => <Tag>{t(`cases.role.${r}` as AdminKey) ?? r}</Tag> },
              { title: t('clin.specialty'), dataIndex: 'specialty', render: (v: string | null) => v ?? '—' },
              { title: t('clin.institution'), dataIndex: 'institutionName', render: (v: string | null) => v ?? '—' },
              { title: t('clin.status'), key: 'status', render: (_, m) => (m.suspended ? <Tag color="red">{t('clin.suspended')}</Tag> : m.verified ? <Tag color="green">{t('clin.verified')}</Tag> : <Tag color="orange">{t('clin.unverified')}</Tag>) },
              { title: t('cases.since'), dataIndex: 'since', render: (v: number) => when(new Date(v).toISOString()) },
              {
                title: t('cases.actions'),
                key: 'end',
                render: (_, m) => (
                  <Popconfirm
                    title={t('cases.endConfirm')}
                    description={<DatePicker showTime placeholder={t('cases.endAt')} value={endAt} onChange={(d) => setEndAt(d)} data-testid="case-end-date" />}
                    onConfirm={() => end(found.caseCode, m.clinicianId)}
                    onCancel={() => setEndAt(null)}
                  >
                    <Button size="small" danger data-testid="case-team-end">{t('cases.end')}</Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
          <CaseTeamForm caseCode={found.caseCode} onChanged={() => void load(found.caseCode)} onError={setError} />
          <CaseGroups caseCode={found.caseCode} onChanged={() => void load(found.caseCode)} />
        </>
      )}
    </Card>
  );
}
