import { List, Tag } from 'antd-mobile';
import { useEffect } from 'react';
import { errorCode, useApi } from '../api/use-api.js';
import { useAlertStatusI18n } from './alert-status-messages.js';
import { personLine, personName } from './doctor-api.js';
import { hkTime } from './doctor-messages.js';
import { DoctorPage } from './DoctorPage.js';

const POLL_MS = 5_000;
const COLOR = { sending: 'default', delivered: 'primary', opened: 'success' } as const;

/**
 * /alert/:id — the raiser's live view of their allergy alert: per recipient, delivered or opened (HK
 * time), and the colleagues an unread escalation let in. Names and states only, never the allergy.
 */
export function AlertStatusScreen({ alertId }: { alertId: string }) {
  const { t, lang, errorText } = useAlertStatusI18n();
  const load = useApi('alertStatus', [alertId]);
  const { reload } = load;
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const s = load.data;
  const opened = s?.recipients.filter((r) => r.state === 'opened').length ?? 0;
  return (
    <DoctorPage title={t('title')}>
      <div data-testid="alert-status">
      {!s && load.error !== null && <div className="padded hint" role="alert" data-testid="alert-status-error">{errorText(errorCode(load.error))}</div>}
      {s && (
        <div className="padded stack">
          <div data-testid="alert-status-head">
            <Tag color="danger">{s.caseCode}</Tag> {t('raised')} {hkTime(s.raisedAt)} HKT
          </div>
          <div className="hint" data-testid="alert-status-summary">
            {t('summary').replace('{opened}', String(opened)).replace('{total}', String(s.recipients.length))} · {t('live')}
          </div>
          {s.burned && <div className="hint" data-testid="alert-status-burned">{t('burned')}</div>}
          {s.recipients.length === 0 && <div className="hint">{t('none')}</div>}
          <List>
            {s.recipients.map((r) => {
              const at = r.state === 'opened' ? r.openedAt : r.deliveredAt;
              const via = r.askedFor ? t('askedFor').replace('{name}', personName(lang, r.askedFor)) : t(`via.${r.via}`);
              return (
                <List.Item
                  key={r.person.id}
                  data-testid={`alert-recipient-${r.state}`}
                  description={`${personLine(lang, r.person)} · ${via}`}
                  extra={
                    <span className="alert-status-state">
                      <Tag color={COLOR[r.state]} data-testid="alert-recipient-state">{t(`state.${r.state}`)}</Tag>
                      {at !== null && <div className="hint">{hkTime(at).slice(11)} HKT</div>}
                    </span>
                  }
                >
                  {personName(lang, r.person)}
                </List.Item>
              );
            })}
          </List>
        </div>
      )}
      </div>
    </DoctorPage>
  );
}
