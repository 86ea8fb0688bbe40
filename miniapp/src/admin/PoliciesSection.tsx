import { Alert, Button, Card, Collapse, Descriptions, Form, Space, Table, Tag } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { DocumentPicker, PersonPicker } from './ExplainPickers.js';
import type { ExplainDto } from '../../../src/contract/admin-console.js';
import { RuleSetCard } from './RuleSetCard.js';

const CODE_STYLE = { whiteSpace: 'pre-wrap', fontSize: 12, background: '#f6f8fa', padding: 12, borderRadius: 6, maxHeight: 420, overflow: 'auto' } as const;

/** The Cedar policies as written, whether they validate, and the explain tool. */
export function PoliciesSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const data = useLoader(() => api.policies(), []);
  const p = data.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ExplainTool />
      <RuleSetCard />
      <Card title={t('nav.policies')} loading={data.loading}>
        <ErrorNote error={data.error} />
        {p && (
          <>
            <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('pol.validation')}>
                <span data-testid="policy-validation">{p.validation.valid ? <Tag color="green">{t('pol.valid')}</Tag> : <Tag color="red">{t('pol.invalid')}</Tag>}</span>
                {p.validation.problem && <code>{p.validation.problem}</code>} · {when(p.validation.checkedAt)}
              </Descriptions.Item>
            </Descriptions>
            {p.changedSinceStart && <Alert type="warning" showIcon title={t('pol.changed')} style={{ marginBottom: 16 }} />}
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.policies}
              columns={[
                { title: 'id', dataIndex: 'id', render: (v: string) => <code>{v}</code> },
                { title: t('pol.effect'), dataIndex: 'effect', render: (e: string) => <Tag color={e === 'permit' ? 'green' : 'red'}>{e}</Tag> },
                { title: t('pol.actions'), dataIndex: 'actions', render: (a: 'all' | string[]) => (a === 'all' ? 'all' : a.join(', ')) },
                { title: t('pol.file'), dataIndex: 'file' },
                { title: t('pol.inForce'), key: 'inForce', render: (_, r) => (p.inForce.includes(r.id) ? '✓' : '—') },
              ]}
            />
            <Collapse
              style={{ marginTop: 16 }}
              items={p.files.map((f) => ({ key: f.file, label: f.file, children: <pre style={CODE_STYLE}>{f.text}</pre> }))}
            />
          </>
        )}
      </Card>
    </Space>
  );
}

/** Whether a person may open a document, and why: both picked from lists, nothing typed by id. */
function ExplainTool() {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const [answer, setAnswer] = useState<ExplainDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (v: { clinicianId: string; documentId: string }) => {
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await api.explain({ clinicianId: v.clinicianId, documentId: v.documentId }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('pol.explain')}>
      <ErrorNote error={error} />
      <Form layout="inline" onFinish={run} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="clinicianId" label={t('pol.clinician')} rules={[{ required: true }]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="documentId" label={t('pol.document')} rules={[{ required: true }]}>
          <DocumentPicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="explain-run">{t('pol.run')}</Button>
      </Form>
      {answer && (
        <Descriptions bordered size="small" column={1} data-testid="explain-result">
          <Descriptions.Item label={t('pol.case')}>{answer.caseCode}</Descriptions.Item>
          <Descriptions.Item label={t('ov.status')}>
            <span data-testid="explain-decision">{answer.allowed ? <Tag color="green">{t('pol.allowed')}</Tag> : <Tag color="red">{t('pol.denied')}</Tag>}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('pol.determining')}>{answer.policies.length ? answer.policies.map((p) => <Tag key={p}>{p}</Tag>) : '—'}</Descriptions.Item>
          {answer.missing.length > 0 && <Descriptions.Item label={t('pol.missing')}>{answer.missing.join(', ')}</Descriptions.Item>}
          <Descriptions.Item label={t('pol.reasons')}>
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="explain-reasons">
              {(lang === 'zh-HK' ? answer.reasons.zh : answer.reasons.en).map((r) => <li key={r}>{r}</li>)}
            </ul>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
