import { auditOutcomeWords } from '../../../src/shared/audit-words.js';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import type { AuditEntryDto, VerifyDto } from './admin-types.js';
import { AuditTable } from './AuditTable.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';

interface Filter {
  actor?: string;
  action?: string;
  outcome?: string;
  target?: string;
  from?: string;
  to?: string;
}

/** A yyyy-mm-dd day typed in the filter is a Hong Kong day: its first (or last) instant, ISO 8601 with offset. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoOf = (day: string | undefined, edge: 'start' | 'end') =>
  day && DAY.test(day.trim()) ? `${day.trim()}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00` : undefined;

/** The audit browser: filter the log, verify the chain and the latest signed checkpoint, look up a trace code, export FHIR. */
export function AuditSection() {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  // The service names the people in each entry (actorName, targetName): no need to load the whole directory.
  const [filter, setFilter] = useState<Filter>({});
  const query = { ...filter, from: isoOf(filter.from, 'start'), to: isoOf(filter.to, 'end') };
  // Newest first, 50 at a time; older entries load as the foot of the table scrolls into view.
  const list = useKeysetList<AuditEntryDto>(async (before) => {
    const page = await api.audit({ ...query, limit: '50', before });
    return { items: page.entries, next: page.nextBefore === null ? null : String(page.nextBefore) };
  }, [api, JSON.stringify(filter)]);
  const [error, setError] = useState<unknown>(null);

  const exportBundle = async () => {
    setError(null);
    try {
      await api.auditExport(`consultbridge-audit-${new Date().toISOString().slice(0, 10)}.fhir.json`, query);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ChainCard />
      <TraceLookup />
      <Card title={t('nav.audit')} extra={<Button onClick={exportBundle} data-testid="audit-export">{t('audit.export')}</Button>}>
        <ErrorNote error={list.error ?? error} />
        <Form<Filter>
          layout="inline"
          onFinish={setFilter}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="actor" label={t('audit.actor')}><Input allowClear style={{ width: 150 }} /></Form.Item>
          <Form.Item name="action" label={t('audit.action')}><Input allowClear style={{ width: 150 }} data-testid="audit-filter-action" /></Form.Item>
          <Form.Item name="target" label={t('audit.target')}><Input allowClear style={{ width: 150 }} /></Form.Item>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select allowClear style={{ width: 120 }} options={['success', 'denied', 'failure'].map((o) => ({ value: o, label: auditOutcomeWords(o, lang === 'zh-HK' ? 'zh' : 'en') }))} />
          </Form.Item>
          {/* Days as yyyy-mm-dd in HK time, whatever the browser's locale would show (never mm/dd/yyyy). */}
          <Form.Item name="from" label={t('audit.from')} rules={[{ pattern: DAY }]}><Input placeholder="yyyy-mm-dd" inputMode="numeric" style={{ width: 130 }} data-testid="audit-from" /></Form.Item>
          <Form.Item name="to" label={t('audit.to')} rules={[{ pattern: DAY }]}><Input placeholder="yyyy-mm-dd" inputMode="numeric" style={{ width: 130 }} data-testid="audit-to" /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-filter">{t('audit.search')}</Button>
        </Form>
        <AuditTable entries={list.items} loading={list.loading && list.items.length === 0} testId="audit-entries" />
        <MoreOnScroll list={list} testId="audit-more" />
      </Card>
    </Space>
  );
}

function ChainCard() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [result, setResult] = useState<VerifyDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const checkpoint = useLoader(() => api.checkpoint().catch((err: unknown) => ((err as { status?: number }).status === 404 ? null : Promise.reject(err))), []);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.verifyAudit());
      checkpoint.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const cp = checkpoint.data;
  return (
    <Card title={t('audit.checkpoint')} extra={<Button type="primary" onClick={verify} loading={busy} data-testid="audit-verify">{t('audit.verify')}</Button>}>
      <ErrorNote error={error ?? checkpoint.error} />
      {result && (
        <Alert
          style={{ marginBottom: 16 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          title={result.ok ? `${t('audit.verifyOk')} · ${result.size} ${t('audit.entries')} · ${result.checkpoints ?? 0} ${t('audit.checkpoints')}` : t('audit.verifyBad')}
          description={result.problem ? `${t('audit.firstBad')}: #${result.problem.index ?? '—'} (${result.problem.reason}) ${result.problem.detail}` : result.root}
        />
      )}
      {cp ? (
        <Descriptions size="small" column={1} data-testid="checkpoint">
          <Descriptions.Item label={t('audit.treeSize')}>{cp.treeSize}</Descriptions.Item>
          <Descriptions.Item label={t('audit.root')}><code>{cp.rootHash}</code></Descriptions.Item>
          <Descriptions.Item label={t('audit.time')}>{when(cp.at)}</Descriptions.Item>
          <Descriptions.Item label={t('audit.region')}>{cp.region ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('audit.key')}><code>{cp.keyId}</code></Descriptions.Item>
        </Descriptions>
      ) : (
        !checkpoint.loading && <Tag data-testid="no-checkpoint">{t('audit.noCheckpoint')}</Tag>
      )}
    </Card>
  );
}

function TraceLookup() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const [found, setFound] = useState<{ code: string; entries: AuditEntryDto[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lookup = async ({ code }: { code: string }) => {
    setError(null);
    setFound(null);
    try {
      setFound(await api.trace(code.trim()));
    } catch (err) {
      if ((err as { status?: number }).status === 404) setFound({ code, entries: [] });
      else setError(err);
    }
  };
  return (
    <Card title={t('audit.traceLookup')}>
      <ErrorNote error={error} />
      <Form<{ code: string }> layout="inline" onFinish={lookup} style={{ marginBottom: 16 }}>
        <Form.Item name="code" rules={[{ required: true, pattern: /^\s*[A-Za-z0-9-]{4,32}\s*$/ }]}>
          <Input placeholder={t('audit.tracePlaceholder')} style={{ width: 280 }} data-testid="trace-input" />
        </Form.Item>
        <Button htmlType="submit" data-testid="trace-lookup">{t('audit.lookup')}</Button>
      </Form>
      {found && (found.entries.length ? <AuditTable entries={found.entries} testId="trace-result" /> : <Alert type="info" title={t('audit.traceNone')} data-testid="trace-none" />)}
    </Card>
  );
}
