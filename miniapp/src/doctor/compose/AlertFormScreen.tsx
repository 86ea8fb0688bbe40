import { Button, Input, Selector, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAlertStatusI18n } from '../alert-status-messages.js';
import { useEndpoints } from '../../api/use-api.js';
import type { AlertRaised, ComposeOptions } from '../doctor-api.js';
import { useComposeI18n, type ComposeKey } from './compose-messages.js';
import { ComposeFrame, FilePick, Sent } from './ComposeFrame.js';
import { useSend } from './use-send.js';

/** One id per filled-in form: a retried submit (lost answer, double tap) is the same alert on the server. */
function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The file's bytes as base64, as the alert API takes its optional scan inside the JSON. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).slice(String(r.result).indexOf(',') + 1));
    r.onerror = () => reject(new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** /case/<code>/alert: the structured allergy form (the fields of src/domain/alerts/alert-form.ts). */
export function AlertFormScreen({ code }: { code: string }) {
  const { t } = useComposeI18n();
  return <ComposeFrame code={code} title={t('alert.title')}>{(o) => <AlertForm code={code} o={o} />}</ComposeFrame>;
}

function AlertForm({ code, o }: { code: string; o: ComposeOptions }) {
  const ep = useEndpoints();
  const { t, errorText } = useComposeI18n();
  const [submissionId] = useState(newSubmissionId);
  const [f, setF] = useState({ substance: '', category: '', reaction: '', severity: '', criticality: '', onset: '', note: '' });
  const [scan, setScan] = useState<File | null>(null);
  // A retry of a submit the server already has (lost answer, double tap) is the same alert: say so.
  const { busy, error, done, run, setError } = useSend<AlertRaised | 'already'>((c) => (c === 'conflict' ? 'already' : undefined));
  const navigate = useNavigate();
  const status = useAlertStatusI18n();
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  if (!o.alert) return <div className="padded hint" data-testid="compose-denied">{t('deniedAlert').replace('{code}', code)}</div>;
  if (done === 'already') return <Sent code={code} title={t('alert.already')} note={t('alert.doneNote')} testId="alert-done" />;
  if (done) {
    return (
      <>
        <Sent code={code} title={t('alert.done')} note={t('alert.doneNote')} testId="alert-done" />
        <div className="padded">
          <Button block color="primary" onClick={() => navigate(`/alert/${done.alertId}`)} data-testid="alert-to-status">{status.t('toStatus')}</Button>
        </div>
      </>
    );
  }

  const needReaction = f.severity !== '' && f.reaction.trim() === '';
  const ready = f.substance.trim() !== '' && f.criticality !== '' && !needReaction;
  const choice = (name: 'category' | 'severity' | 'criticality', prefix: string, columns: number) => (
    <Selector
      columns={columns}
      options={o.alertChoices[name].map((v) => ({ label: t(`${prefix}.${v}` as ComposeKey), value: v }))}
      value={f[name] ? [f[name]] : []}
      onChange={(v) => set(name)(v[0] ?? '')}
      data-testid={`alert-${name}`}
    />
  );

  async function send() {
    if (scan && scan.size > o.maxUploadBytes) return setError('request.too_large');
    await run(async () => {
      const fields = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
      const body = { submissionId, ...fields, ...(scan ? { scan: await base64Of(scan) } : {}) };
      return ep.raiseAlert(code, body);
    });
  }

  return (
    <div className="padded stack compose" data-testid="alert-form">
      {o.alert === 'break_glass' && <div className="compose-error" data-testid="alert-break-glass">{t('alert.breakGlass')}</div>}
      <div className="compose-label">{t('alert.substance')} *</div>
      <Input value={f.substance} onChange={set('substance')} placeholder={t('alert.substanceHint')} maxLength={200} clearable data-testid="alert-substance" />
      <div className="compose-label">{t('alert.category')}</div>
      {choice('category', 'cat', 2)}
      <div className="compose-label">{t('alert.reaction')}</div>
      <Input value={f.reaction} onChange={set('reaction')} placeholder={t('alert.reactionHint')} maxLength={200} clearable data-testid="alert-reaction" />
      <div className="compose-label">{t('alert.severity')}</div>
      {choice('severity', 'sev', 3)}
      {needReaction && <div className="compose-error">{t('alert.needReaction')}</div>}
      <div className="compose-label">{t('alert.criticality')} *</div>
      {choice('criticality', 'crit', 3)}
      <div className="compose-label">{t('alert.onset')}</div>
      <input type="date" className="compose-date" value={f.onset} onChange={(e) => set('onset')(e.target.value)} data-testid="alert-onset" />
      <div className="compose-label">{t('alert.note')}</div>
      <TextArea value={f.note} onChange={set('note')} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="alert-note" />
      <div className="compose-label">{t('alert.scan')}</div>
      <FilePick file={scan} onPick={setScan} label={t('share.pick')} testId="alert-scan" />
      {error && <div className="compose-error" role="alert" data-testid="compose-error">{errorText(error)}</div>}
      <Button block color="danger" disabled={!ready || busy} loading={busy} onClick={() => void send()} data-testid="alert-send">{t('alert.send')}</Button>
    </div>
  );
}
