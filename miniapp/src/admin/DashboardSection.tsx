import { Card, Col, Row, Segmented, Statistic } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useState } from 'react';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import { Bars } from './Bars.js';
import { ReasonBars } from './ReasonBars.js';
import { ResidencyCard } from './ResidencyCard.js';
import { ReferralAttentionCard } from './ReferralAttentionCard.js';
import { ReferralStatsCard } from './ReferralStatsCard.js';
import type { DashboardDto } from '../../../src/contract/admin-reports.js';

type Figures = DashboardDto['totals'];

const CHARTS: Array<{ title: AdminKey; value: (f: Figures) => number }> = [
  { title: 'dash.shares', value: (f) => f.shareToFirstView.shared },
  { title: 'dash.medianView', value: (f) => f.shareToFirstView.medianMinutes ?? 0 },
  { title: 'dash.turnaround', value: (f) => f.approvalTurnaround.medianMinutes ?? 0 },
  { title: 'dash.alerts', value: (f) => f.alerts.openedWithin5m },
  { title: 'dash.denials', value: (f) => f.denials.total },
  { title: 'dash.escalations', value: (f) => f.escalations },
];

/** Daily figures for the last 7 or 30 Hong Kong days, as plain SVG bars, and the deployment's data residency. */
export function DashboardSection() {
  const api = useAdminEndpoints();
  const { t, lang } = useAdminT();
  const [days, setDays] = useState<'7' | '30'>('7');
  const data = useLoader(() => api.dashboard(days), [days]);
  const d = data.data;
  return (
    <Card title={t('nav.dashboard')} extra={<Segmented value={days} onChange={(v) => setDays(v as '7' | '30')} options={[{ value: '7', label: t('dash.d7') }, { value: '30', label: t('dash.d30') }]} />} loading={data.loading && !d}>
      <ErrorNote error={data.error} />
      {d && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
            <Col xs={12} sm={8} xl={4}><Statistic title={t('dash.shares')} value={`${d.totals.shareToFirstView.shared} / ${d.totals.shareToFirstView.viewed}`} /></Col>
            <Col xs={12} sm={8} xl={4}><Statistic title={t('dash.medianView')} value={d.totals.shareToFirstView.medianMinutes ?? '—'} /></Col>
            <Col xs={12} sm={8} xl={4}><Statistic title={t('dash.turnaround')} value={d.totals.approvalTurnaround.medianMinutes ?? '—'} /></Col>
            <Col xs={12} sm={8} xl={4}><Statistic title={t('dash.alerts')} value={`${d.totals.alerts.openedWithin5m} / ${d.totals.alerts.total}`} /></Col>
            <Col xs={12} sm={8} xl={4}><Statistic title={t('dash.denials')} value={d.totals.denials.total} /></Col>
            <Col xs={12} sm={8} xl={4}><Statistic title={t('dash.escalations')} value={d.totals.escalations} /></Col>
          </Row>
          <Row gutter={[16, 16]}>
            {CHARTS.map((c) => (
              <Col xs={24} lg={12} key={c.title}>
                <Card size="small" title={t(c.title)}>
                  <Bars points={d.series.map((s) => ({ label: s.date.slice(5), value: c.value(s) }))} />
                </Card>
              </Col>
            ))}
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dash.byReason')}>
                <ReasonBars testId="denials-by-reason" points={Object.entries(d.totals.denials.byReason).map(([code, value]) => ({ label: d.reasonLabels[code]?.[lang === 'zh-HK' ? 'zh' : 'en'] ?? code, value }))} />
              </Card>
            </Col>
          </Row>
          <ReferralStatsCard days={days} />
          <ReferralAttentionCard />
          <ResidencyCard residency={d.residency} />
        </>
      )}
    </Card>
  );
}
