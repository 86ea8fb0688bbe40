import { Card, Descriptions, Grid, Tag, Typography } from 'antd';
import type { ResidencyDto } from '../../../src/contract/admin-reports.js';
import { useAdminT } from './admin-messages.js';

/** Where this deployment keeps patient data (DATA_REGION, PHI_HOSTS), as the dashboard reports it: hosts only. */
export function ResidencyCard({ residency }: { residency: ResidencyDto }) {
  const { t } = useAdminT();
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Card size="small" title={t('res.title')} style={{ marginTop: 16 }} data-testid="residency">
      <Descriptions size="small" column={1} layout={narrow ? 'vertical' : 'horizontal'}>
        <Descriptions.Item label={t('res.region')}>
          <Tag color="blue" data-testid="residency-region">{residency.region}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('res.phiHosts')}>
          {residency.phiHosts.length ? residency.phiHosts.map((h) => <Tag key={h}><code>{h}</code></Tag>) : t('res.noHosts')}
        </Descriptions.Item>
        {residency.destinations.map((d) => (
          <Descriptions.Item key={`${d.kind}-${d.host ?? 'local'}`} label={`${t(`res.${d.kind}`)} (${d.setting})`}>
            {d.host ? <code>{d.host}</code> : null}
            {d.local && <Tag style={{ marginLeft: d.host ? 8 : 0 }}>{t('res.thisMachine')}</Tag>}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('res.outside')}</Typography.Paragraph>
    </Card>
  );
}
