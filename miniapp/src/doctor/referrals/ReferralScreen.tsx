import { Button, List, Tag, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReferralDeclineReason } from '../../../../src/contract/referrals.js';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { personLine } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { useReferralI18n, type ReferralKey } from './referral-messages.js';
import { DECLINE_OPTIONS, declineWord, purposeWord, severityWord, specialtyWord, STATUS_COLOR } from './referral-words.js';

const POLL_MS = 5_000;

/**
 * /referral/:id — one referral: what is asked (specialty, severity, purpose; the sealed reason for the
 * requester and the assignee), who has it, its status (polled live). The assignee's first look marks it
 * seen; they accept or decline with a reason code; the requester may cancel it while open.
 */
export function ReferralScreen({ referralId }: { referralId: string }) {
  const ep = useEndpoints();
  const navigate = useNavigate();
  const { t, lang, errorText } = useReferralI18n();
  const load = useApi('referral', [referralId]);
  const { reload } = load;
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const run = async (call: () => Promise<string>) => {
    setBusy(true);
    try {
      Toast.show({ content: await call() });
      reload();
    } catch (err) {
      Toast.show({ content: errorText(err instanceof ApiError ? err.code : 'other') });
    } finally {
      setBusy(false);
    }
  };
  const r = load.data;
  const line = (key: ReferralKey, at: number | null) => (at === null ? null : <List.Item key={key} extra={hkTime(at)}>{t(key)}</List.Item>);
  return (
    <DoctorPage title={t('title')}>
      <div data-testid="referral">
        {!r && load.error !== null && <div className="padded hint" role="alert" data-testid="referral-error">{errorText(errorCode(load.error))}</div>}
        {r && (
          <div className="stack">
            <div className="padded" data-testid="referral-head">
              <Tag color="primary">{r.caseCode}</Tag> {specialtyWord(lang, r.specialty)}{r.institutionCode ? ` · ${r.institutionCode}` : ''} · {severityWord(lang, r.severity)}{' '}
              <Tag color={STATUS_COLOR[r.status]} data-testid="referral-status">{t(`status.${r.status}` as ReferralKey)}</Tag>
              <div className="hint">{t('live')}</div>
            </div>
            <List>
              <List.Item description={t('purpose')}>{purposeWord(lang, r.purposeCode)}</List.Item>
              <List.Item description={t('from')}>{r.requester ? personLine(lang, r.requester) : t('byRule').replace('{rule}', r.triggerRuleId ?? '')}</List.Item>
              <List.Item description={t('to')} data-testid="referral-assignee">{r.assignee ? personLine(lang, r.assignee) : t('nobodyShort')}</List.Item>
              {r.reason !== null && <List.Item description={t('reason')} data-testid="referral-reason"><div className="prewrap">{r.reason}</div></List.Item>}
              {r.declineReason && <List.Item description={t('declineWhy')} data-testid="referral-decline-reason">{declineWord(lang, r.declineReason)}</List.Item>}
              {line('sentAt', r.sentAt)}
              {line('seenAt', r.seenAt)}
              {line('acceptedAt', r.acceptedAt)}
              {line('declinedAt', r.declinedAt)}
            </List>
            {r.mayRespond && (
              <div className="padded stack" data-testid="referral-respond">
                <Button color="primary" block disabled={busy} data-testid="referral-accept"
                  onClick={() => run(async () => t('accepted').replace('{until}', hkTime((await ep.acceptReferral(r.id)).until)))}>
                  {t('accept')}
                </Button>
                <div className="hint">{t('declineWhy')}</div>
                {DECLINE_OPTIONS.map((c: ReferralDeclineReason) => (
                  <Button key={c} color="danger" fill="outline" block disabled={busy} data-testid={`referral-decline-${c}`} onClick={() => run(async () => (await ep.declineReferral(r.id, c), t('declined')))}>
                    {declineWord(lang, c)}
                  </Button>
                ))}
              </div>
            )}
            {r.mayCancel && (
              <div className="padded">
                <Button block fill="outline" disabled={busy} data-testid="referral-cancel" onClick={() => run(async () => (await ep.cancelReferral(r.id), t('withdrawn')))}>{t('withdraw')}</Button>
              </div>
            )}
            {r.status === 'accepted' && (
              <div className="padded">
                <Button block size="small" fill="outline" data-testid="referral-open-case" onClick={() => navigate(`/case/${r.caseCode}`)}>{t('openCase')}</Button>
              </div>
            )}
          </div>
        )}
      </div>
    </DoctorPage>
  );
}
