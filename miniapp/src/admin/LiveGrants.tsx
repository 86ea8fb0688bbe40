import { Button, Card, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { documentTypeLabel } from '../../../src/contract/document-types.js';
import type { LiveGrantDto } from '../../../src/contract/admin-grants.js';
import { REVOKE_REASON_CODES, REVOKE_REASONS, type RevokeReason } from '../../../src/contract/grant-revoke-reasons.js';
import { useAdminApi } from './admin-api.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';
import { grantPurposeWords, person } from './oversight-words.js';

/**
 * Live access grants, soonest to expire first, a keyset page at a time (more as the list scrolls): who holds it, on
 * which case and document type, for what purpose, until when (HKT), granted by whom. [Revoke] asks
 * for a reason from the closed list and a confirmation; it is offered only to a role the admin token
 * answer lists `grant.revoke` for (the privacy officer).
 */
export function LiveGrants() {
  const api = useAdminEndpoints();
  const mayRevoke = useAdminApi().actions.includes('grant.revoke');
  const { t, lang } = useAdminT();
  const l = lang === 'zh-HK' ? 'zh' : 'en';
  const list = useKeysetList<LiveGrantDto>(async (after) => {
    const page = await api.liveGrants(after);
    return { items: page.grants, next: page.next };
  }, [api]);
  const [revoking, setRevoking] = useState<LiveGrantDto | null>(null);
  const [reason, setReason] = useState<RevokeReason | null>(null);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setRevoking(null);
    setReason(null);
    setError(null);
  };

  const submit = async () => {
    if (!revoking || !reason) return;
    setError(null);
    try {
      await api.revokeGrant(revoking.grantId, reason);
      close();
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card title={t('gr.title')} data-testid="grants-card">
      <ErrorNote error={list.error ?? (revoking ? null : error)} />
      {!mayRevoke && <Typography.Paragraph type="secondary" data-testid="grants-officer-only">{t('gr.officerRevokes')}</Typography.Paragraph>}
      <Table<LiveGrantDto>
        data-testid="grants-table"
        rowKey="grantId"
        size="small"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('ov.empty') }}
        columns={[
          { title: t('gr.grantee'), key: 'grantee', render: (_, g) => person(g.grantee) },
          { title: t('ov.case'), dataIndex: 'caseCode', render: (v: string | null) => v ?? '—' },
          { title: t('gr.docType'), dataIndex: 'docType', render: (v: string | null) => (v ? documentTypeLabel(v, l) : <Tag color="red">{t('gr.wholeCase')}</Tag>) },
          { title: t('ov.reasonCode'), key: 'purpose', render: (_, g) => <span title={g.purpose} data-testid="grant-purpose">{grantPurposeWords(g, l)}</span> },
          { title: t('ov.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => when(v) },
          { title: t('gr.grantedBy'), key: 'grantedBy', render: (_, g) => person(g.grantedBy) },
          ...(mayRevoke
            ? [{ title: '', key: 'revoke', fixed: 'right' as const, render: (_: unknown, g: LiveGrantDto) => <Button size="small" danger data-testid="grant-revoke" onClick={() => setRevoking(g)}>{t('gr.revoke')}</Button> }]
            : []),
        ]}
      />
      <MoreOnScroll list={list} testId="grants-more" />
      <Modal
        open={!!revoking}
        title={revoking ? `${t('gr.revoke')} · ${revoking.grantee.name} · ${revoking.caseCode ?? ''}` : ''}
        okText={t('gr.revoke')}
        okButtonProps={{ danger: true, disabled: !reason, ...({ 'data-testid': 'grant-revoke-submit' } as Record<string, string>) }}
        onOk={submit}
        onCancel={close}
      >
        <ErrorNote error={error} />
        <Typography.Paragraph>{t('gr.confirm')}</Typography.Paragraph>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>{t('gr.reason')}</Typography.Paragraph>
        <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as RevokeReason)} data-testid="grant-revoke-reason">
          <Space direction="vertical">
            {REVOKE_REASON_CODES.map((code) => (
              <Radio key={code} value={code} data-testid={`revoke-reason-${code}`}>{REVOKE_REASONS[code][l]}</Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
    </Card>
  );
}
