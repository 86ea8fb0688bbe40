import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useEndpoints } from '../../api/use-api.js';
import { PagedList } from '../PagedList.js';
import type { CaseInteractionAlertsDto } from '../../../../src/contract/interactions.js';
import { hkTime } from '../doctor-messages.js';
import { useMedicationI18n } from './medication-messages.js';

const SEVERITY_COLOR = { contraindicated: 'danger', major: 'danger', moderate: 'warning' } as const;

/**
 * The case's drug interaction alerts above its medication list (open first, each run newest first, as
 * the server pages them; more on scroll): the pair, severity and state; each opens its details page
 * (/doctor/interactions/:id). Nothing when there are none, or when the list could not be read.
 */
export function CaseInteractionAlerts({ code, first }: { code: string; first: CaseInteractionAlertsDto | undefined }) {
  const { t } = useMedicationI18n();
  const navigate = useNavigate();
  const ep = useEndpoints();
  if (!first?.alerts.length) return null;
  return (
    <PagedList
      testId="med-interactions"
      header={t('interactions')}
      first={{ items: first.alerts, nextCursor: first.nextCursor }}
      more={async (cursor) => {
        const page = await ep.caseInteractionAlerts(code, cursor);
        return { items: page.alerts, nextCursor: page.nextCursor };
      }}
      keyOf={(a) => a.id}
      row={(a) => (
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
      )}
    />
  );
}
