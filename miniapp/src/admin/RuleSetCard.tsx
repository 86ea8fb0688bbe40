import { Card, Descriptions } from 'antd';
import { useLoader } from '../api/use-api.js';
import { useAdminEndpoints } from './admin-endpoints.js';
import { ErrorNote } from './admin-hooks.js';
import { useAdminT } from './admin-messages.js';

/** The interaction rule set in the policies section, read-only: version and review counts. */
export function RuleSetCard() {
  const api = useAdminEndpoints();
  const { t } = useAdminT();
  const data = useLoader(() => api.clinicalRules(), []);
  const s = data.data;
  const counts = s
    ? t('pol.rulesCounts')
        .replace('{total}', String(s.counts.total))
        .replace('{reviewed}', String(s.counts.reviewed))
        .replace('{disabled}', String(s.counts.disabled))
        .replace('{notReviewed}', String(s.counts.notReviewed))
    : '';
  return (
    <Card title={t('pol.rules')} loading={data.loading} data-testid="rule-set-card">
      <ErrorNote error={data.error} />
      {s && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('pol.rulesVersion')}>
            <span data-testid="rule-set-version">{s.version}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {s && <p data-testid="rule-set-counts">{counts}</p>}
      <p style={{ marginBottom: 0 }}>{t('pol.rulesNote')}</p>
    </Card>
  );
}
