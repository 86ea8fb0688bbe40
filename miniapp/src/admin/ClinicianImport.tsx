import { Alert, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ImportReportDto } from '../../../src/contract/correction.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useCorrectionT, type CorrectionKey } from './correction-messages.js';

type Row = ImportReportDto['rows'][number];
const STATUS_COLOR = { ok: 'green', imported: 'blue', error: 'red' } as const;

/** Bulk clinician import: paste or choose a CSV, dry run (a per-row report, nothing changed), then import the OK rows. */
export function ClinicianImport({ onImported }: { onImported(): void }) {
  const api = useAdminEndpoints();
  const t = useCorrectionT();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReportDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const out = await api.importClinicians(csv, dryRun);
      setReport(out);
      if (!dryRun) onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setReport(null);
  };
  const why = (r: Row) => r.problems.map((p) => `${p.column ? `${p.column}: ` : ''}${t(`imp.p.${p.code}` as CorrectionKey)}`).join('; ');

  return (
    <Card title={t('imp.title')} style={{ marginTop: 24 }} data-testid="clinician-import">
      <Alert type="info" showIcon title={t('imp.columns')} style={{ marginBottom: 12 }} />
      <ErrorNote error={error} />
      <Input.TextArea rows={5} value={csv} placeholder={t('imp.paste')} onChange={(e) => (setCsv(e.target.value), setReport(null))} data-testid="import-csv" />
      <Space wrap style={{ marginTop: 12 }}>
        <label className="ant-btn ant-btn-default">
          {t('imp.file')}
          <input type="file" accept=".csv,text/csv" hidden onChange={(e) => void readFile(e.target.files?.[0])} data-testid="import-file" />
        </label>
        <Button onClick={() => void run(true)} disabled={!csv.trim() || busy} data-testid="import-dry-run">{t('imp.dryRun')}</Button>
        <Button type="primary" onClick={() => void run(false)} disabled={!report?.dryRun || report.ok === 0 || busy} data-testid="import-run">{t('imp.import')}</Button>
      </Space>
      {report && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={report.errors ? 'warning' : 'success'}
            title={t(report.dryRun ? 'imp.summaryDry' : 'imp.summaryDone', { ok: report.ok, errors: report.errors })}
            data-testid="import-summary"
          />
          <Table<Row>
            rowKey="line"
            size="small"
            style={{ marginTop: 12 }}
            scroll={{ x: true }}
            pagination={false}
            dataSource={report.rows}
            onRow={(r) => ({ 'data-testid': `import-row-${r.line}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('imp.line'), dataIndex: 'line' },
              { title: t('imp.user'), dataIndex: 'dingtalkUserId' },
              { title: t('imp.name'), dataIndex: 'displayName' },
              { title: t('imp.result'), key: 'status', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`imp.st.${r.status}`)}</Tag> },
              { title: t('imp.problems'), key: 'why', render: (_, r) => why(r) || '—' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
