import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';

/** Why the identity is decrypted; required by the service and written to the audit log. */
const REASONS = ['data_access_request', 'data_correction_request', 'complaint_investigation', 'legal_requirement'] as const;
type Reason = (typeof REASONS)[number];

interface ReportSummary {
  /** False when nobody matched: the service answers with an empty report, never "not found". */
  matched: boolean;
  reportId: string;
  requestReceivedAt: string;
  dueBy: string;
  cases: unknown[];
  accessLog: unknown[];
}

/**
 * PDPO data access request (the privacy officer's alone): the report is a POST answer (an HKID never
 * goes into a URL) saved straight to a file; the page keeps only the summary (no patient identity)
 * and the 40-day due date. A reason is required; an unknown patient gives an empty report.
 */
export function ReportSection() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [by, setBy] = useState<'caseCode' | 'hkid'>('caseCode');
  const [summary, setSummary] = useState<ReportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async ({ value, reason }: { value: string; reason: Reason }) => {
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const body = by === 'caseCode' ? { caseCode: value.trim().toUpperCase(), reason } : { hkid: value.trim(), reason };
      const r = await api.dataAccessReport(`pdpo-data-access-${new Date().toISOString().slice(0, 10)}.json`, body);
      setSummary({ matched: r.subject !== null, reportId: r.reportId, requestReceivedAt: r.requestReceivedAt, dueBy: r.dueBy, cases: r.cases, accessLog: r.accessLog });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('rep.title')}>
      <Typography.Paragraph type="secondary">{t('rep.intro')}</Typography.Paragraph>
      <ErrorNote error={error} />
      <Form layout="vertical" onFinish={run} style={{ maxWidth: 420 }} autoComplete="off" initialValues={{ reason: 'data_access_request' }}>
        <Form.Item name="reason" label={t('rep.reason')} rules={[{ required: true }]}>
          <Select data-testid="report-reason" options={REASONS.map((r) => ({ value: r, label: t(`rep.reason.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('rep.by')}>
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value as 'caseCode' | 'hkid')} data-testid="report-by">
            <Radio value="caseCode">{t('rep.caseCode')}</Radio>
            <Radio value="hkid" data-testid="report-by-hkid">{t('rep.hkid')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="value" label={by === 'caseCode' ? t('rep.caseCode') : t('rep.hkid')} rules={[{ required: true, min: 3, max: 16 }]}>
          <Input placeholder={by === 'caseCode' ? 'C-XXXXX' : 'A123456(7)'} data-testid="report-value" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="report-download">{t('rep.download')}</Button>
      </Form>
      {summary && (
        <>
          <Alert type="success" showIcon title={t('rep.ready')} style={{ margin: '16px 0' }} data-testid="report-ready" />
          {!summary.matched && <Alert type="info" showIcon title={t('rep.none')} style={{ marginBottom: 16 }} data-testid="report-no-match" />}
          <Descriptions bordered size="small" column={1}>
            {/* The report's id is in the file; its first characters are enough to match the two (never a whole UUID on screen). */}
            <Descriptions.Item label={t('rep.reference')}><code data-testid="report-reference">{summary.reportId.slice(0, 8).toUpperCase()}</code></Descriptions.Item>
            <Descriptions.Item label={t('rep.received')}>{when(summary.requestReceivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('rep.dueBy')}><strong data-testid="report-due">{when(summary.dueBy)}</strong></Descriptions.Item>
            <Descriptions.Item label={t('rep.cases')}>{summary.cases.length}</Descriptions.Item>
            <Descriptions.Item label={t('rep.accesses')}>{summary.accessLog.length}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Card>
  );
}
