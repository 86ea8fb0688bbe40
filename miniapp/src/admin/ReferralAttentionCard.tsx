import { Card, Table, Tag } from 'antd';
import type { ReferralAttentionDto } from '../../../src/contract/referral-dto.js';
import { REFERRAL_SEVERITIES } from '../../../src/contract/referrals.js';
import { SPECIALTIES, type Specialty } from '../../../src/contract/specialties.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote, when } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';
import { MoreOnScroll, useKeysetList } from './keyset-list.js';

type Row = ReferralAttentionDto['referrals'][number];

/**
 * The dashboard's referrals needing attention: nobody accepted (the chase ran out: unrouted) or nobody
 * was on call to send them to. Case codes, specialties and names only; newest first, a keyset page at
 * a time (scrolling to its foot loads more).
 */
export function ReferralAttentionCard() {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const side = lang === 'zh-HK' ? 'zh' : 'en';
  const data = useKeysetList<Row>(async (cursor) => {
    const page = await api.referralAttention(cursor);
    return { items: page.referrals, next: page.nextCursor };
  }, [api]);
  const specialty = (code: string) => (Object.hasOwn(SPECIALTIES, code) ? SPECIALTIES[code as Specialty][side] : code);
  const person = (p: Row['requester']) => (p ? `${side === 'zh' && p.nameZh ? `${p.nameZh} ` : ''}${p.nameEn}${p.institutionCode ? ` · ${p.institutionCode}` : ''}` : null);
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('dash.ref.attention')} loading={data.loading && data.items.length === 0} data-testid="referral-attention">
      <ErrorNote error={data.error} />
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="id"
        scroll={{ x: 640 }}
        dataSource={data.items}
        locale={{ emptyText: t('dash.ref.attentionNone') }}
        onRow={(r) => ({ 'data-testid': `referral-attention-${r.caseCode}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('dash.ref.case'), dataIndex: 'caseCode' },
          { title: t('dash.ref.specialty'), key: 's', render: (_, r) => `${specialty(r.specialty)}${r.institutionCode ? ` · ${r.institutionCode}` : ''}` },
          { title: t('dash.ref.severity'), dataIndex: 'severity', render: (s: Row['severity']) => REFERRAL_SEVERITIES[s][side] },
          { title: t('dash.ref.why'), dataIndex: 'why', render: (w: Row['why']) => <Tag color={w === 'unrouted' ? 'red' : 'orange'}>{t(`dash.ref.why.${w}`)}</Tag> },
          { title: t('dash.ref.requester'), key: 'q', render: (_, r) => person(r.requester) ?? `${t('dash.ref.byRule')} ${r.triggerRuleId ?? ''}` },
          { title: t('dash.ref.sent'), dataIndex: 'sentAt', render: (at: number) => when(new Date(at).toISOString()) },
        ]}
      />
      <MoreOnScroll list={data} testId="referral-attention-more" />
    </Card>
  );
}
