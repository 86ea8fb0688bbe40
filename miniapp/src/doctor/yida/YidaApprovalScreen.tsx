import { Button, DotLoading, List, Selector, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { documentTypeLabel } from '../../../../src/contract/document-types.js';
import { FORM_RETURN_REASONS, type FormReturnReason } from '../../../../src/contract/yida-codes.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { hkTime } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { reasonKey, useYidaI18n } from './yida-messages.js';

/**
 * /doctor/forms/:id — a Yida form waiting for my approval, as its record would read (problems,
 * medications, labelled notes, flags, results; never the HKID): approve it (filed to the case under my
 * name) or return it with a coded reason (it then waits in the console). Only its approver gets here.
 */
export function YidaApprovalScreen({ submissionId }: { submissionId: string }) {
  const ep = useEndpoints();
  const navigate = useNavigate();
  const { t, lang, errorText } = useYidaI18n();
  const load = useApi('pendingForm', [submissionId]);
  const [reason, setReason] = useState<FormReturnReason | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const decide = async (call: () => Promise<unknown>, word: string) => {
    setBusy(true);
    try {
      await call();
      setDone(word);
    } catch (err) {
      Toast.show({ content: errorText(errorCode(err)) });
    } finally {
      setBusy(false);
    }
  };
  let body;
  if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data) body = <div className="padded hint" role="alert" data-testid="yida-error">{errorText(errorCode(load.error))}</div>;
  else {
    const f = load.data;
    const lines = (items: string[]) => (items.length > 0 ? items.join('、') : t('none'));
    body = (
      <div data-testid="yida-approval">
        <List header={f.formName}>
          <List.Item extra={<Tag color="primary">{f.caseCode}</Tag>}>{t('case')}</List.Item>
          <List.Item extra={documentTypeLabel(f.documentType, lang === 'en' ? 'en' : 'zh')}>{t('recordType')}</List.Item>
          <List.Item extra={hkTime(f.receivedAt)}>{t('received')}</List.Item>
          <List.Item description={lines(f.problems)}>{t('problems')}</List.Item>
          <List.Item description={lines(f.medications)}>{t('medications')}</List.Item>
          {f.freeText.map((n) => <List.Item key={n.label} description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.text}</span>}>{n.label}</List.Item>)}
          {f.flags.length > 0 && <List.Item description={f.flags.join(', ')} data-testid="yida-flags">{t('flags')}</List.Item>}
          {f.results.length > 0 && <List.Item description={f.results.map((r) => `${r.loinc}: ${r.value} ${r.unit}`).join('; ')}>{t('results')}</List.Item>}
        </List>
        <div className="padded hint">{t('note')}</div>
        {done ? (
          <div className="padded stack">
            <div role="status" data-testid="yida-decided">{done}</div>
            <Button block color="primary" fill="outline" onClick={() => navigate(`/case/${f.caseCode}`)} data-testid="yida-to-case">{t('toCase')}</Button>
          </div>
        ) : (
          <div className="padded stack">
            <Button block color="primary" disabled={busy} data-testid="yida-approve" onClick={() => void decide(() => ep.approveForm(f.id), t('approved'))}>{t('approve')}</Button>
            <div>{t('returnTitle')}</div>
            <Selector data-testid="yida-return-reason" options={FORM_RETURN_REASONS.map((r) => ({ label: t(reasonKey(r)), value: r }))} value={reason ? [reason] : []} onChange={(v) => setReason(v[0] ?? null)} />
            <Button block color="danger" fill="outline" disabled={busy || !reason} data-testid="yida-return" onClick={() => { if (reason) void decide(() => ep.returnForm(f.id, reason), t('returned')); }}>{t('return')}</Button>
          </div>
        )}
      </div>
    );
  }
  return <DoctorPage title={t('title')}>{body}</DoctorPage>;
}
