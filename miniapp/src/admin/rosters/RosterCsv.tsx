import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import type { RosterImportReport } from '../../../../src/contract/rosters.js';
import { ErrorNote } from '../admin-hooks.js';
import { fill, useRosterI18n, type RosterKey } from './roster-messages.js';

type Row = RosterImportReport['rows'][number];

/** CSV import (paste or file; all rows checked, all or nothing, per-row problems shown) and export of the week shown (the server's CSV file is saved). */
export function RosterCsv({ onImport, onExport }: { onImport(csv: string): Promise<RosterImportReport>; onExport(): Promise<unknown> }) {
  const { t } = useRosterI18n();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<RosterImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setError(null);
    try {
      setReport(await onImport(csv));
    } catch (err) {
      setError(err);
    }
  };
  const download = async () => {
    setError(null);
    try {
      await onExport();
    } catch (err) {
      setError(err);
    }
  };
  const bad = report?.rows.filter((r) => r.problems.length > 0) ?? [];
  return (
    <Card title={t('csv')} size="small" data-testid="roster-csv">
      <Alert type="info" showIcon title={t('csvColumns')} style={{ marginBottom: 12 }} />
      <ErrorNote error={error} />
      <Input.TextArea rows={4} value={csv} placeholder={t('csvPaste')} onChange={(e) => (setCsv(e.target.value), setReport(null))} data-testid="roster-csv-text" />
      <Space wrap style={{ marginTop: 12 }}>
        <label className="ant-btn ant-btn-default">
          {t('csvFile')}
          <input type="file" accept=".csv,text/csv" hidden onChange={(e) => void e.target.files?.[0]?.text().then((text) => (setCsv(text), setReport(null)))} />
        </label>
        <Button type="primary" disabled={!csv.trim()} onClick={() => void run()} data-testid="roster-import">{t('import')}</Button>
        <Button onClick={() => void download()} data-testid="roster-export">{t('export')}</Button>
      </Space>
      {report && (
        <Alert style={{ marginTop: 12 }} type={report.errors ? 'warning' : 'success'} title={report.errors ? fill(t('refused'), { n: report.errors }) : fill(t('imported'), { n: report.imported })} data-testid="roster-import-summary" />
      )}
      {bad.length > 0 && (
        <Table<Row>
          rowKey="line"
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={bad}
          onRow={(r) => ({ 'data-testid': `roster-import-row-${r.line}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('line'), dataIndex: 'line', width: 64 },
            { title: t('problems'), key: 'p', render: (_, r) => r.problems.map((p) => `${p.column ? `${p.column}: ` : ''}${t(`p.${p.code}` as RosterKey)}`).join('; ') },
          ]}
        />
      )}
    </Card>
  );
}
