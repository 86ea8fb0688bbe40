import { Button, Card, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLoader } from '../api/use-api.js';
import type { MappingDto, SubmissionDto, SubmissionState } from '../../../src/contract/yida.js';
import { ERROR_TABLE, type ErrorCode } from '../../../src/shared/errors.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { useFormsApi } from './forms-api.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';
import { MappingForm } from './FormMappingForm.js';

const STATES: readonly SubmissionState[] = ['waiting', 'received', 'awaiting_approval', 'filed', 'discarded'];

/**
 * Forms (Yida form archive): each Yida form's mapping onto a case record, and the submissions — above
 * all those waiting with a coded error, to re-map, retry or discard. Ids, codes, states and case codes
 * only: the form data stays sealed.
 */
export function FormsSection() {
  const api = useFormsApi();
  const { t, lang } = useAdminT();
  const [state, setState] = useState<SubmissionState>('waiting');
  const [editing, setEditing] = useState<MappingDto | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const mappings = useLoader(() => api.mappings(), []);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const subs = useKeysetList<SubmissionDto>(async (cursor) => {
    const page = await api.submissions(state, cursor);
    setCounts(page.counts);
    return { items: page.items, next: page.nextCursor };
  }, [api, state]);
  const words = (code: string | null) => (code && code in ERROR_TABLE ? ERROR_TABLE[code as ErrorCode][lang === 'zh-HK' ? 'zh' : 'en'] : '—');
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    setNote(null);
    try {
      const out = await f();
      if (out && typeof out === 'object' && 'state' in out) setNote(`${t('fm.result')}: ${t(`fm.st.${(out as { state: SubmissionState }).state}`)}`);
      subs.reload();
      mappings.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <Card title={t('nav.forms')} data-testid="forms-mappings" extra={<Button data-testid="forms-add" onClick={() => setEditing('new')}>{t('fm.add')}</Button>}>
        <Typography.Paragraph type="secondary">{t('fm.intro')}</Typography.Paragraph>
        <ErrorNote error={mappings.error} />
        {editing && <MappingForm initial={editing === 'new' ? null : editing} onDone={() => { setEditing(null); mappings.reload(); }} onCancel={() => setEditing(null)} />}
        <Table<MappingDto>
          rowKey="formUuid"
          size="small"
          loading={mappings.loading}
          dataSource={mappings.data?.mappings ?? []}
          columns={[
            { title: t('fm.name'), dataIndex: 'name' },
            { title: t('fm.formUuid'), dataIndex: 'formUuid', ellipsis: true },
            { title: t('fm.recordType'), dataIndex: 'recordType' },
            { title: t('fm.approval'), dataIndex: 'approval', render: (v: MappingDto['approval']) => t(`fm.ap.${v}`) },
            { title: t('fm.readCategory'), dataIndex: 'readCategory', render: (v: MappingDto['readCategory']) => t(`fm.rc.${v}`) },
            { title: t('fm.updated'), key: 'updated', render: (_, m) => `${m.updatedBy} · ${when(m.updatedAt)}` },
            {
              title: '', key: 'actions', render: (_, m) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(m)}>{t('fm.edit')}</Button>
                  <Popconfirm title={t('fm.remove')} onConfirm={() => run(() => api.removeMapping(m.formUuid))}><Button size="small" danger>{t('fm.remove')}</Button></Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('fm.submissions')}
        style={{ marginTop: 16 }}
        data-testid="forms-submissions"
        extra={<Segmented value={state} onChange={(v) => setState(v as SubmissionState)} options={STATES.map((s) => ({ value: s, label: `${t(`fm.st.${s}`)}${counts[s] === undefined ? '' : ` (${counts[s]})`}` }))} />}
      >
        <ErrorNote error={subs.error ?? error} />
        {note && <Typography.Paragraph data-testid="forms-note">{note}</Typography.Paragraph>}
        <Table<SubmissionDto>
          rowKey="id"
          size="small"
          loading={subs.loading && subs.items.length === 0}
          dataSource={subs.items}
          pagination={false}
          columns={[
            { title: t('fm.received'), dataIndex: 'receivedAt', render: (v: string) => when(v) },
            { title: t('fm.form'), key: 'form', render: (_, s) => s.formName ?? s.formUuid },
            { title: t('fm.state'), dataIndex: 'state', render: (s: SubmissionState) => <Tag color={s === 'waiting' ? 'orange' : s === 'filed' ? 'green' : undefined}>{t(`fm.st.${s}`)}</Tag> },
            { title: t('fm.why'), dataIndex: 'errorCode', render: (c: string | null) => <span data-testid="forms-why">{words(c)}</span> },
            { title: t('fm.case'), dataIndex: 'caseCode', render: (c: string | null) => c ?? '—' },
            {
              title: '', key: 'actions', render: (_, s) => (s.state === 'waiting' || s.state === 'received') && (
                <Space>
                  <Button size="small" data-testid="forms-retry" onClick={() => run(() => api.act(s.id, 'retry'))}>{t('fm.retry')}</Button>
                  <Popconfirm title={t('fm.discardConfirm')} onConfirm={() => run(() => api.act(s.id, 'discard'))}><Button size="small" danger>{t('fm.discard')}</Button></Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        <MoreOnScroll list={subs} testId="forms-more" />
      </Card>
    </>
  );
}
