import { Alert, Button, Card, Checkbox, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ConsultRuleDto, ConsultRulesDto, DryRunDto, RuleProblemDto } from '../../../../src/contract/consult-rules.js';
import { ApiError } from '../../api/api-error.js';
import { useLoader } from '../../api/use-api.js';
import { useAdminEndpoints } from '../admin-endpoints.js';
import { ErrorNote } from '../admin-hooks.js';
import { DocumentPicker } from '../ExplainPickers.js';
import { fill, useConsultRuleI18n } from './consult-rule-messages.js';

const MONO = { fontFamily: 'monospace', fontSize: 12 } as const;
const problemsOf = (err: unknown): RuleProblemDto[] | null => (err instanceof ApiError && Array.isArray(err.details.problems) ? (err.details.problems as RuleProblemDto[]) : null);

/** The consult rules in force, the JSON editor with its validation problems, and the dry run. */
export function ConsultRulesSection() {
  const api = useAdminEndpoints();
  const { t, lang } = useConsultRuleI18n();
  const [reload, setReload] = useState(0);
  const data = useLoader(() => api.consultRules(), [reload]);
  const [text, setText] = useState<string | null>(null);
  const [saveErr, setSaveErr] = useState<unknown>(null);
  const [savedV, setSavedV] = useState<number | null>(null);
  const d: ConsultRulesDto | null = data.data ?? null;
  const editing = text ?? d?.text ?? '';
  const save = async () => {
    if (!d) return;
    setSaveErr(null);
    setSavedV(null);
    try {
      const out = await api.saveConsultRules(editing, d.version);
      setSavedV(out.version);
      setText(null);
      setReload((n) => n + 1);
    } catch (err) {
      setSaveErr(err);
    }
  };
  const problems = problemsOf(saveErr);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('title')} loading={data.loading}>
        <ErrorNote error={data.error} />
        <p>{t('intro')}</p>
        {d && (
          <>
            <p data-testid="consult-rules-source">{d.source === 'file' ? t('source.file') : fill(t('source.saved'), { v: d.version, who: d.updatedBy ?? '—' })}</p>
            {d.fileProblems.length > 0 && <Alert type="error" showIcon title={t('fileProblems')} description={<ProblemList problems={d.fileProblems} />} />}
            <Table<ConsultRuleDto>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={d.rules}
              data-testid="consult-rules-table"
              columns={[
                { title: t('id'), dataIndex: 'id', render: (v: string) => <code>{v}</code> },
                { title: t('enabled'), dataIndex: 'enabled', render: (v: boolean) => (v ? '✓' : '—') },
                { title: t('severity'), dataIndex: 'severity', render: (v: string) => <Tag>{v}</Tag> },
                { title: t('specialty'), dataIndex: 'specialty' },
                { title: t('description'), key: 'd', render: (_, r) => (lang === 'en' ? r.description.en : r.description.zh) },
              ]}
            />
          </>
        )}
      </Card>
      <Card title={t('edit')}>
        <Input.TextArea value={editing} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 8, maxRows: 24 }} style={MONO} data-testid="consult-rules-text" />
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => void save()} disabled={!d} data-testid="consult-rules-save">{t('save')}</Button>
        </Space>
        {savedV !== null && <Alert type="success" showIcon style={{ marginTop: 12 }} title={fill(t('saved'), { v: savedV })} data-testid="consult-rules-saved" />}
        {problems ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('problems')} description={<ProblemList problems={problems} />} data-testid="consult-rules-problems" /> : <ErrorNote error={saveErr} />}
      </Card>
      <DryRun editing={editing} />
    </Space>
  );
}

function ProblemList({ problems }: { problems: RuleProblemDto[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {problems.map((p, i) => (
        <li key={i} style={MONO}>{p.path || '(text)'} · {p.code} · {p.message}</li>
      ))}
    </ul>
  );
}

function DryRun({ editing }: { editing: string }) {
  const api = useAdminEndpoints();
  const { t, lang } = useConsultRuleI18n();
  const [answer, setAnswer] = useState<DryRunDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (v: { documentId?: string; flags?: string; observation?: string; useEdited?: boolean }) => {
    setError(null);
    setAnswer(null);
    let observation: Record<string, unknown> | undefined;
    if (v.observation?.trim()) {
      try {
        observation = JSON.parse(v.observation) as Record<string, unknown>;
      } catch {
        setError(new Error(t('badJson')));
        return;
      }
    }
    const flags = (v.flags ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    try {
      setAnswer(await api.dryRunConsultRules({ ...(observation ? { observation } : { documentId: v.documentId, flags }), ...(v.useEdited ? { text: editing } : {}) }));
    } catch (err) {
      setError(err);
    }
  };
  const problems = problemsOf(error);
  return (
    <Card title={t('dryRun')}>
      <Form layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item name="documentId" label={t('dryDocument')}><DocumentPicker /></Form.Item>
        <Form.Item name="flags" label={t('dryFlags')}><Input style={{ maxWidth: 320 }} data-testid="dry-flags" /></Form.Item>
        <Form.Item name="observation" label={t('dryObservation')}><Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} style={MONO} data-testid="dry-observation" /></Form.Item>
        <Form.Item name="useEdited" valuePropName="checked"><Checkbox>{t('useEdited')}</Checkbox></Form.Item>
        <Button type="primary" htmlType="submit" data-testid="dry-run">{t('run')}</Button>
      </Form>
      {problems ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('problems')} description={<ProblemList problems={problems} />} /> : <ErrorNote error={error} />}
      {answer && (
        <div style={{ marginTop: 12 }} data-testid="dry-result">
          {answer.fires.length === 0 ? (
            <Alert type="info" showIcon title={t('none')} />
          ) : (
            <Alert type="warning" showIcon title={t('fires')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{answer.fires.map((f) => <li key={f.id}><code>{f.id}</code> · {f.severity} · {f.specialty} · {lang === 'en' ? f.description.en : f.description.zh}</li>)}</ul>} />
          )}
          {answer.unitMismatch.length > 0 && <p>{fill(t('unitMismatch'), { ids: answer.unitMismatch.join(', ') })}</p>}
          {answer.alreadyFired.length > 0 && <p>{fill(t('already'), { ids: answer.alreadyFired.join(', ') })}</p>}
        </div>
      )}
    </Card>
  );
}
