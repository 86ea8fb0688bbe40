import { Button, DatePicker, Popconfirm, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { when } from './admin-hooks.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import type { RosterRoleDto } from './admin-types.js';

export interface RosterActions {
  /** Ends the clinician's open roles now, or at `at`, picked on a Hong Kong clock (the existing per-clinician end). */
  end(clinicianId: string, at: Dayjs | null): Promise<void>;
  /** Calls off one role booked to start later. */
  cancel(roleId: string): Promise<void>;
}

/**
 * Every role row of a case with where it stands: active, starts on a date (booked ahead, which the
 * policy does not see yet), or ended / called off (greyed, and hidden with the switch). An active
 * role can be ended now or on a date; a booked one can be called off before it starts.
 */
export function CaseRoster({ roles, actions }: { roles: RosterRoleDto[]; actions: RosterActions }) {
  const { t, lang } = useAdminT();
  const [showEnded, setShowEnded] = useState(true);
  const [endAt, setEndAt] = useState<Dayjs | null>(null);
  const over = (r: RosterRoleDto) => r.status === 'ended' || r.status === 'cancelled';
  const shown = showEnded ? roles : roles.filter((r) => !over(r));
  const reason = (r: RosterRoleDto) => (r.removedReason ? t(`cases.reason.${r.removedReason}` as AdminKey) ?? r.removedReason : undefined);
  const statusTag = (r: RosterRoleDto) => {
    if (r.status === 'active') return <Tag color="green">{t('cases.active')}</Tag>;
    if (r.status === 'future') return <Tag color="blue">{`${t('cases.startsOn')} ${when(r.effectiveFrom)}`}</Tag>;
    return (
      <Tooltip title={reason(r)}>
        <Tag>{t(r.status === 'ended' ? 'cases.ended' : 'cases.cancelled')}</Tag>
      </Tooltip>
    );
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Switch size="small" checked={showEnded} onChange={setShowEnded} data-testid="case-roster-show-ended" />
        <span>{t('cases.showEnded')}</span>
      </Space>
      <Table<RosterRoleDto>
        data-testid="case-team"
        rowKey="roleId"
        size="small"
        pagination={false}
        dataSource={shown}
        onRow={(r) => ({ style: over(r) ? { opacity: 0.55 } : undefined })}
        columns={[
          {
            title: t('clin.name'),
            key: 'name',
            // Verified is the norm; only an unverified or suspended member is tagged.
            render: (_, m) => (
              <Space size={4}>
                {lang === 'zh-HK' ? m.nameZh ?? m.nameEn : m.nameEn}
                {m.suspended ? <Tag color="red">{t('clin.suspended')}</Tag> : !m.verified && <Tag color="orange">{t('clin.unverified')}</Tag>}
              </Space>
            ),
          },
          { title: t('cases.careRole'), dataIndex: 'careRole', render: (r: string) => <Tag>{t(`cases.role.${r}` as AdminKey) ?? r}</Tag> },
          { title: t('cases.status'), key: 'status', render: (_, r) => <span data-testid={`case-role-${r.status}`}>{statusTag(r)}</span> },
          { title: t('cases.from'), dataIndex: 'effectiveFrom', render: (v: string) => when(v) },
          { title: t('cases.to'), dataIndex: 'effectiveTo', render: (v: string | null, r) => (r.status === 'cancelled' ? '—' : when(v)) },
          { title: t('clin.specialty'), dataIndex: 'specialty', render: (v: string | null) => v ?? '—' },
          { title: t('clin.institution'), dataIndex: 'institutionName', render: (v: string | null) => v ?? '—' },
          {
            title: t('cases.actions'),
            key: 'actions',
            render: (_, r) =>
              r.status === 'active' ? (
                <Popconfirm
                  title={t('cases.endConfirm')}
                  description={<DatePicker showTime showNow={false} placeholder={t('cases.endAt')} value={endAt} onChange={(d) => setEndAt(d)} data-testid="case-end-date" />}
                  onConfirm={() => actions.end(r.clinicianId, endAt).finally(() => setEndAt(null))}
                  onCancel={() => setEndAt(null)}
                >
                  <Button size="small" danger data-testid="case-team-end">{t('cases.end')}</Button>
                </Popconfirm>
              ) : r.status === 'future' ? (
                <Popconfirm title={t('cases.cancelConfirm')} onConfirm={() => actions.cancel(r.roleId)}>
                  <Button size="small" data-testid="case-role-cancel">{t('cases.cancel')}</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}
