import { Card, Col, Row, Table } from 'antd';
import { REFERRAL_SEVERITIES } from '../../../src/contract/referrals.js';
import { SPECIALTIES, type Specialty } from '../../../src/contract/specialties.js';
import { useLoader } from '../api/use-api.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';

const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** The dashboard's referral figures: time to accept by severity × specialty (median, p90) and open load per clinician, by name. */
export function ReferralStatsCard({ days }: { days: '7' | '30' }) {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const side = lang === 'zh-HK' ? 'zh' : 'en';
  const data = useLoader(() => api.referralStats(days), [days]);
  const d = data.data;
  const specialty = (code: string) => (Object.hasOwn(SPECIALTIES, code) ? SPECIALTIES[code as Specialty][side] : code);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 24 }} data-testid="referral-stats">
      <ErrorNote error={data.error} />
      <Col xs={24} lg={14}>
        <Card size="small" title={t('dash.ref.title')} loading={data.loading && !d}>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.severity}:${r.specialty}`}
            dataSource={d?.timeToAccept ?? []}
            locale={{ emptyText: t('dash.ref.none') }}
            columns={[
              { title: t('dash.ref.severity'), dataIndex: 'severity', render: (s: keyof typeof REFERRAL_SEVERITIES) => REFERRAL_SEVERITIES[s][side] },
              { title: t('dash.ref.specialty'), dataIndex: 'specialty', render: specialty },
              { title: t('dash.ref.accepted'), dataIndex: 'accepted' },
              { title: t('dash.ref.median'), dataIndex: 'medianMs', render: minutes },
              { title: t('dash.ref.p90'), dataIndex: 'p90Ms', render: minutes },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('dash.ref.load')} loading={data.loading && !d}>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.clinician.id}
            dataSource={d?.openLoad ?? []}
            locale={{ emptyText: t('dash.ref.noLoad') }}
            columns={[
              { title: t('dash.ref.clinician'), render: (_: unknown, r) => `${side === 'zh' && r.clinician.nameZh ? `${r.clinician.nameZh} ` : ''}${r.clinician.nameEn}${r.clinician.institutionCode ? ` · ${r.clinician.institutionCode}` : ''}` },
              { title: t('dash.ref.open'), dataIndex: 'open' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
