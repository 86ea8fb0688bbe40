import { Button, List, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { InteractionAlertDto } from '../../../../src/contract/interactions.js';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { personLine, personName } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { useInteractionI18n, type InteractionKey } from './interaction-messages.js';

const SEVERITY_COLOR = { contraindicated: 'danger', major: 'danger', moderate: 'warning' } as const;
const STATE_COLOR = { open: 'danger', acknowledged: 'success', overridden: 'warning' } as const;

type Side = InteractionAlertDto['pair'][number];

/** One medication of the pair: as entered, what it was checked as, who prescribed it where. */
function SideItem({ side }: { side: Side }) {
  const { t, lang } = useInteractionI18n();
  const who = side.prescriber ? personLine(lang, side.prescriber) : side.prescriberName ?? (side.source === 'ehr' ? t('fromEhr') : '—');
  const status = side.status === 'stopped' ? ` · ${t('stopped')}` : side.status === 'gone' ? ` · ${t('gone')}` : '';
  return (
    <List.Item data-testid="interaction-side" description={`${t('prescribedBy')}: ${who}${status}`}>
      <div>{side.text}</div>
      <div className="muted" data-testid="interaction-canonical">{t('checkedAs')}: {side.canonical ?? t('notResolved')}</div>
    </List.Item>
  );
}

/** Acknowledge, or override with a reason (required: the button waits for one). */
function DecidePanel({ alertId, onDone }: { alertId: string; onDone: () => void }) {
  const ep = useEndpoints();
  const { t, errorText } = useInteractionI18n();
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>, done: InteractionKey) => {
    setBusy(true);
    try {
      await call();
      Toast.show({ content: t(done) });
      onDone();
    } catch (err) {
      Toast.show({ content: errorText(err instanceof ApiError ? err.code : 'other') });
    } finally {
      setBusy(false);
    }
  };
  if (overriding) {
    return (
      <div className="stack" data-testid="interaction-override-form">
        <TextArea data-testid="interaction-reason" placeholder={t('overrideReason')} value={reason} onChange={setReason} maxLength={1000} rows={3} showCount />
        <Button color="warning" block disabled={busy || reason.trim() === ''} data-testid="interaction-override-confirm" onClick={() => run(() => ep.overrideInteraction(alertId, reason.trim()), 'done.overridden')}>
          {t('overrideConfirm')}
        </Button>
        <Button block fill="none" onClick={() => setOverriding(false)}>{t('cancel')}</Button>
      </div>
    );
  }
  return (
    <div className="stack">
      <Button color="primary" block disabled={busy} data-testid="interaction-acknowledge" onClick={() => run(() => ep.acknowledgeInteraction(alertId), 'done.acknowledged')}>
        {t('acknowledge')}
      </Button>
      <Button color="warning" fill="outline" block disabled={busy} data-testid="interaction-override" onClick={() => setOverriding(true)}>
        {t('override')}
      </Button>
    </div>
  );
}

/**
 * /doctor/interactions/:id — a drug interaction alert for the case's care team: the pair as entered and as
 * checked, severity, mechanism, recommended action, alternatives and sources, who was told; acknowledge,
 * or override with a reason. The card in chat only says the case, the severity and "open".
 */
export function InteractionScreen({ alertId }: { alertId: string }) {
  const { t, lang, errorText } = useInteractionI18n();
  const load = useApi('interactionAlert', [alertId]);
  const a = load.data;
  const decided = a && a.decidedBy && a.decidedAt !== null
    ? t('decided').replace('{state}', t(`state.${a.state}`)).replace('{name}', personName(lang, a.decidedBy)).replace('{at}', hkTime(a.decidedAt))
    : null;
  return (
    <DoctorPage title={t('title')}>
      <div data-testid="interaction-screen">
        {!a && load.error !== null && <div className="padded hint" role="alert" data-testid="interaction-error">{errorText(errorCode(load.error))}</div>}
        {a && (
          <div className="padded stack">
            <div data-testid="interaction-head">
              <Tag color="primary">{a.caseCode}</Tag> <Tag color={SEVERITY_COLOR[a.severity]} data-testid="interaction-severity">{t(`severity.${a.severity}`)}</Tag>{' '}
              <Tag color={STATE_COLOR[a.state]} fill="outline" data-testid="interaction-state">{t(`state.${a.state}`)}</Tag>
              <div className="muted">{t('raised')} {hkTime(a.createdAt)}{a.crossPrescriber ? ` · ${t('crossPrescriber')}` : ''}</div>
            </div>
            <List header={t('pair')}>
              {a.pair.map((s) => <SideItem key={s.entryId} side={s} />)}
            </List>
            <List header={t('mechanism')}><List.Item data-testid="interaction-mechanism">{a.mechanism ?? '—'}</List.Item></List>
            <List header={t('action')}><List.Item data-testid="interaction-action">{a.action ?? '—'}</List.Item></List>
            {a.alternatives.length > 0 && (
              <List header={t('alternatives')}>{a.alternatives.map((x) => <List.Item key={x} data-testid="interaction-alternative">{x}</List.Item>)}</List>
            )}
            <List header={t('sources')}>
              {a.sources.map((s) => (
                <List.Item key={s.text} data-testid="interaction-source">{s.url ? <a href={s.url} target="_blank" rel="noreferrer">{s.text}</a> : s.text}</List.Item>
              ))}
            </List>
            <div className="muted" data-testid="interaction-rule">{t('rule').replace('{rule}', a.ruleId).replace('{version}', a.ruleSetVersion)}</div>
            {!a.reviewed && <div className="hint" data-testid="interaction-unreviewed">{t('unreviewed')}</div>}
            <List header={t('recipients')}>
              {a.recipients.map((r) => (
                <List.Item key={r.person.id} description={`${t(`role.${r.role}`)} · ${r.readAt !== null ? `${t('read')} ${hkTime(r.readAt)}` : t('unread')}`}>
                  {personName(lang, r.person)}
                </List.Item>
              ))}
            </List>
            {decided && <div className="hint" data-testid="interaction-decided">{decided}{a.reason ? ` · ${t('reason')}: ${a.reason}` : ''}</div>}
            {a.state === 'open' && <DecidePanel alertId={a.id} onDone={load.reload} />}
          </div>
        )}
      </div>
    </DoctorPage>
  );
}
