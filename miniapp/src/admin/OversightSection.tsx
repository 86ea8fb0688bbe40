import { Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAdminApi } from './admin-api.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import type { ApprovalDto, BreakGlassDto } from '../../../src/contract/admin-console.js';
import { LiveGrants } from './LiveGrants.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';
import { person, purposeWords } from './oversight-words.js';

/**
 * Access requests by status (newest first, more as the list scrolls), the break-glass review queue (approve or flag, with a note) and the live
 * access grants ([Revoke] with a reason). Approve, Flag and Revoke are offered only to a role the
 * admin token answer lists `breakglass.review` / `grant.revoke` for.
 */
export function OversightSection() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <BreakGlassQueue />
      <LiveGrants />
      <Approvals />
    </Space>
  );
}

function Approvals() {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const [status, setStatus] = useState('pending');
  const list = useKeysetList<ApprovalDto>(async (cursor) => {
    const page = await api.approvals(status, cursor);
    return { items: page.requests, next: page.nextCursor };
  }, [api, status]);
  return (
    <Card title={t('ov.approvals')} extra={<Segmented value={status} onChange={(v) => setStatus(String(v))} options={(['pending', 'approved', 'denied', 'expired'] as const).map((s) => ({ value: s, label: <span data-testid={`ap-status-${s}`}>{t(`st.${s}`)}</span> }))} />}>
      <ErrorNote error={list.error} />
      <Table<ApprovalDto>
        rowKey="requestId"
        size="small"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('ov.empty') }}
        columns={[
          { title: t('ov.case'), dataIndex: 'caseCode', render: (v: string | null) => v ?? '—' },
          { title: t('ov.requester'), key: 'requester', render: (_, r) => person(r.requester) },
          { title: t('ov.reasonCode'), dataIndex: 'reasonCode', render: (c: string) => <span title={c}>{purposeWords(c, lang === 'zh-HK' ? 'zh' : 'en')}</span> },
          {
            title: t('ov.waitingOn'),
            key: 'waitingOn',
            // The step in words, then who can decide it now, by name (never the step's code or an id).
            render: (_, r) =>
              r.waitingOn ? (
                <span data-testid="approval-waiting-on">
                  {t(`ov.step.${r.waitingOn}` as AdminKey) ?? r.waitingOn}
                  {r.waitingOnPeople.length > 0 && `: ${r.waitingOnPeople.map((p) => p.name).join(', ')}`}
                </span>
              ) : '—',
          },
          { title: t('ov.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => when(v) },
          { title: t('ov.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => when(v) },
          { title: t('ov.status'), dataIndex: 'status', render: (v: ApprovalDto['status']) => <Tag>{t(`st.${v}`)}</Tag> },
        ]}
      />
      <MoreOnScroll list={list} testId="approvals-more" />
    </Card>
  );
}

function BreakGlassQueue() {
  const api = useAdminEndpoints();
  const mayReview = useAdminApi().actions.includes('breakglass.review');
  const { t } = useAdminT();
  const [status, setStatus] = useState<BreakGlassDto['status']>('pending');
  const [reviewing, setReviewing] = useState<{ item: BreakGlassDto; decision: 'approve' | 'flag' } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const list = useKeysetList<BreakGlassDto>(async (cursor) => {
    const page = await api.breakGlass(status, cursor);
    return { items: page.reviews, next: page.nextCursor };
  }, [api, status]);

  const submit = async () => {
    if (!reviewing) return;
    setError(null);
    try {
      await api.reviewBreakGlass(reviewing.item.reviewId, { decision: reviewing.decision, note: note.trim() || undefined });
      setReviewing(null);
      setNote('');
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card title={t('ov.breakglass')} data-testid="bg-card" extra={<Segmented value={status} onChange={(v) => setStatus(v as BreakGlassDto['status'])} options={(['pending', 'approved', 'flagged'] as const).map((s) => ({ value: s, label: <span data-testid={`bg-status-${s}`}>{t(`st.${s}`)}</span> }))} />}>
      <ErrorNote error={list.error ?? (reviewing ? null : error)} />
      {!mayReview && <Typography.Paragraph type="secondary" data-testid="bg-officer-only">{t('ov.officerReviews')}</Typography.Paragraph>}
      <Table<BreakGlassDto>
        data-testid="bg-table"
        rowKey="reviewId"
        size="small"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('ov.empty') }}
        columns={[
          { title: t('ov.case'), dataIndex: 'caseCode', render: (v: string | null) => v ?? '—' },
          { title: t('ov.clinician'), key: 'clinician', render: (_, r) => person(r.clinician) },
          { title: t('ov.justification'), dataIndex: 'reason' },
          { title: t('ov.at'), dataIndex: 'createdAt', render: (v: string) => when(v) },
          { title: t('ov.reviewer'), key: 'reviewer', render: (_, r) => (r.reviewer ? `${person(r.reviewer)}${r.note ? ` — ${r.note}` : ''}` : '—') },
          ...(mayReview ? [{
            title: '',
            key: 'actions',
            render: (_: unknown, r: BreakGlassDto) =>
              r.status === 'pending' && (
                <Space>
                  <Button size="small" type="primary" onClick={() => setReviewing({ item: r, decision: 'approve' })} data-testid={`bg-approve-${r.caseCode}`}>{t('ov.approve')}</Button>
                  <Button size="small" danger onClick={() => setReviewing({ item: r, decision: 'flag' })} data-testid={`bg-flag-${r.caseCode}`}>{t('ov.flag')}</Button>
                </Space>
              ),
          }] : []),
        ]}
      />
      <MoreOnScroll list={list} testId="bg-more" />
      <Modal okButtonProps={{ 'data-testid': 'bg-review-submit' } as Record<string, string>} open={!!reviewing} title={reviewing ? `${t(reviewing.decision === 'approve' ? 'ov.approve' : 'ov.flag')} · ${reviewing.item.caseCode ?? ''}` : ''} onOk={submit} onCancel={() => setReviewing(null)}>
        <ErrorNote error={error} />
        <Input.TextArea rows={3} maxLength={500} placeholder={t('ov.note')} value={note} data-testid="bg-note" onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Card>
  );
}
