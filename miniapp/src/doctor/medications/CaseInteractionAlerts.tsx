import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import type { CaseInteractionAlertsDto } from '../../../../src/contract/interactions.js';
import { hkTime } from '../doctor-messages.js';
import { useMedicationI18n } from './medication-messages.js';

const SEVERITY_COLOR = { contraindicated: 'danger', major: 'danger', moderate: 'warning' } as const;

/**
 * The case's drug interaction alerts above its medication list (open first, as the server orders
 * them): the pair, severity and state; each opens its details page (/doctor/interactions/:id).
 * Nothing when there are none, or when the list could not be read.
 */
export function CaseInteractionAlerts({ alerts }: { alerts: CaseInteractionAlertsDto['alerts'] | undefined }) {
  const { t } = useMedicationI18n();
  const navigate = useNavigate();
  if (!alerts?.length) return null;
  return (
    <List header={t('interactions')} data-testid="med-interactions">
      {alerts.map((a) => (
        <List.Item
          key={a.id}
          arrow
          onClick={() => navigate(`/doctor/interactions/${a.id}`)}
          data-testid={`med-interaction-${a.state}`}
          description={`${t(`state.${a.state}`)} · ${hkTime(a.createdAt)}`}
          extra={<Tag color={SEVERITY_COLOR[a.severity]} data-testid="med-interaction-severity">{t(`sev.${a.severity}`)}</Tag>}
        >
          {a.drugs.join(' + ')}
        </List.Item>
      ))}
    </List>
  );
}
