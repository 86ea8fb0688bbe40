import { Button, Input, List, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { Fragment, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PurposeOfUse } from '../../../../src/contract/purpose-of-use.js';
import type { ReferralSeverity } from '../../../../src/contract/referrals.js';
import type { Specialty } from '../../../../src/contract/specialties.js';
import { ApiError } from '../../api/api-error.js';
import { useApi, useEndpoints } from '../../api/use-api.js';
import { personName } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { PagedList } from '../PagedList.js';
import { useReferralI18n, type ReferralKey } from './referral-messages.js';
import { PURPOSE_OPTIONS, purposeWord, SEVERITY_OPTIONS, severityWord, SPECIALTY_OPTIONS, specialtyWord, STATUS_COLOR } from './referral-words.js';

const POLL_MS = 5_000;

/** The Refer form: specialty, institution (optional), severity, purpose, a free-text reason stored sealed. */
function ReferForm({ code, onDone }: { code: string; onDone: () => void }) {
  const ep = useEndpoints();
  const { t, lang, errorText } = useReferralI18n();
  const [specialty, setSpecialty] = useState<Specialty>('cardiology');
  const [institution, setInstitution] = useState('');
  const [severity, setSeverity] = useState<ReferralSeverity>('urgent');
  const [purpose, setPurpose] = useState<PurposeOfUse>('referral');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const out = await ep.refer(code, { specialty, severity, purposeCode: purpose, institutionCode: institution.trim() || undefined, reason: reason.trim() || undefined });
      if (out.unknownInstitution) Toast.show({ content: t('unknownInstitution').replace('{code}', out.unknownInstitution) });
      else {
        Toast.show({ content: out.assignee ? t('sentTo').replace('{name}', personName(lang, out.assignee)) : t('nobody') });
        onDone();
      }
    } catch (err) {
      Toast.show({ content: errorText(err instanceof ApiError ? err.code : 'other') });
    } finally {
      setBusy(false);
    }
  };
  const pick = <T extends string>(options: readonly T[], word: (c: T) => string) => options.map((c) => ({ label: word(c), value: c }));
  return (
    <div className="padded stack" data-testid="refer-form">
      <div className="hint">{t('referTitle')}</div>
      <div>{t('specialty')}</div>
      <Selector data-testid="refer-specialty" options={pick(SPECIALTY_OPTIONS, (c) => specialtyWord(lang, c))} value={[specialty]} onChange={(v) => v[0] && setSpecialty(v[0])} />
      <div>{t('institution')}</div>
      <Input data-testid="refer-institution" placeholder={t('institutionHint')} value={institution} onChange={setInstitution} maxLength={16} />
      <div>{t('severity')}</div>
      <Selector data-testid="refer-severity" options={pick(SEVERITY_OPTIONS, (c) => severityWord(lang, c))} value={[severity]} onChange={(v) => v[0] && setSeverity(v[0])} />
      <div>{t('purpose')}</div>
      <Selector data-testid="refer-purpose" options={pick(PURPOSE_OPTIONS, (c) => purposeWord(lang, c))} value={[purpose]} onChange={(v) => v[0] && setPurpose(v[0])} />
      <TextArea data-testid="refer-reason" placeholder={t('reason')} value={reason} onChange={setReason} maxLength={2000} rows={3} showCount />
      <Button color="primary" block disabled={busy} data-testid="refer-send" onClick={send}>{t('send')}</Button>
    </div>
  );
}

/** On the case screen: [Refer] (the form), and the case's referrals with their status, newest first in keyset pages (more on scroll); the first page polled live. */
export function ReferPanel({ code, mayRefer }: { code: string; mayRefer: boolean }) {
  const navigate = useNavigate();
  const { t, lang, errorText } = useReferralI18n();
  const [open, setOpen] = useState(false);
  const load = useApi('caseReferrals', [code]);
  const { reload } = load;
  const ep = useEndpoints();
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // The requester withdraws an open (or unrouted) referral from the list itself; refusals in words.
  const withdraw = async (id: string) => {
    try {
      await ep.cancelReferral(id);
      Toast.show({ content: t('withdrawn') });
    } catch (err) {
      Toast.show({ content: errorText(err instanceof ApiError ? err.code : 'other') });
    }
    reload();
  };
  return (
    <div data-testid="referrals">
      {mayRefer && !open && (
        <div className="padded">
          <Button block size="small" color="primary" fill="outline" data-testid="case-refer" onClick={() => setOpen(true)}>{t('refer')}</Button>
        </div>
      )}
      {open && <ReferForm code={code} onDone={() => { setOpen(false); reload(); }} />}
      {open && <div className="padded"><Button block fill="none" onClick={() => setOpen(false)}>{t('cancel')}</Button></div>}
      {load.data && (
        <PagedList
          testId="case-referrals"
          header={`${t('list')} · ${t('live')}`}
          first={load.data}
          more={(cursor) => ep.caseReferrals(code, cursor)}
          keyOf={(r) => r.id}
          empty={<List.Item>{t('none')}</List.Item>}
          row={(r) => (
            <Fragment key={r.id}>
              <List.Item
                arrow
                data-testid="case-referral"
                onClick={() => navigate(`/referral/${r.id}`)}
                description={`${severityWord(lang, r.severity)} · ${t('to')}: ${r.assignee ? personName(lang, r.assignee) : t('nobodyShort')} · ${hkTime(r.sentAt)}`}
                extra={<Tag color={STATUS_COLOR[r.status]} data-testid="case-referral-status">{t(`status.${r.status}` as ReferralKey)}</Tag>}
              >
                {specialtyWord(lang, r.specialty)}{r.institutionCode ? ` · ${r.institutionCode}` : ''}
              </List.Item>
              {/* Its own row, so a tap on the referral never withdraws it by accident. */}
              {r.mayCancel && (
                <List.Item>
                  <Button size="mini" color="danger" fill="outline" data-testid="case-referral-cancel" onClick={() => void withdraw(r.id)}>{t('withdraw')}</Button>
                </List.Item>
              )}
            </Fragment>
          )}
        />
      )}
    </div>
  );
}
