import { Button, DotLoading, List, Radio, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { useEndpoints, useLoader } from '../api/use-api.js';
import { errorLine } from '../api/error-words.js';
import { ApiErrorBlock } from '../screens/ApiErrorBlock.js';
import type { Reason, ViewToken } from './doctor-api.js';
import { useI18n } from '../i18n/i18n.js';
import { useDoctorI18n } from './doctor-messages.js';
import { DoctorPage } from './DoctorPage.js';
import { SecureViewer } from './SecureViewer.js';
import { CorrectionPanel } from './CorrectionPanel.js';

type Opened = { kind: 'view'; token: ViewToken } | { kind: 'refused'; reasons: string[]; choices: Reason[] };

/**
 * A document: asks for a view token (the policy decides for me, now); allowed → the secure viewer,
 * refused → the plain-language reasons and a purpose-of-use picker to request access.
 */
export function DocumentScreen({ documentId }: { documentId: string }) {
  const ep = useEndpoints();
  const { t, lang } = useDoctorI18n();
  const load = useLoader<Opened>(async () => {
    try {
      return { kind: 'view', token: await ep.viewToken(documentId, lang) };
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'access.denied') throw err;
      const reasons = Array.isArray(err.details.reasons) ? err.details.reasons.map(String) : [err.message];
      return { kind: 'refused', reasons, choices: await ep.reasons() };
    }
    // Not on `lang`: a language switch must not ask for (and record) another view.
  }, [ep, documentId]);
  let body;
  if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data) body = <ApiErrorBlock error={load.error} />;
  else if (load.data.kind === 'view') body = <SecureViewer url={load.data.token.url} token={load.data.token.token} />;
  else body = <RequestAccess documentId={documentId} reasons={load.data.reasons} choices={load.data.choices} />;
  return (
    <DoctorPage title={t('doc.title')}>
      {body}
      <CorrectionPanel documentId={documentId} onRetracted={load.reload} />
    </DoctorPage>
  );
}

function RequestAccess({ documentId, reasons, choices }: { documentId: string; reasons: string[]; choices: Reason[] }) {
  const ep = useEndpoints();
  const { t, lang } = useDoctorI18n();
  const { t: appWords } = useI18n();
  const [reason, setReason] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (sent) return <Result status="waiting" title={t('doc.sent')} description={sent} data-testid="request-sent" />;
  const send = async () => {
    if (!reason) return;
    setBusy(true);
    try {
      const out = await ep.requestAccess(documentId, reason, lang);
      setSent(out.message);
    } catch (err) {
      Toast.show({ content: errorLine(err, appWords) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="request-access">
      <div className="hint">
        <div style={{ fontWeight: 600 }}>{t('doc.cantOpen')}</div>
        {reasons.map((r) => <div key={r}>· {r}</div>)}
      </div>
      <List header={t('doc.pickReason')}>
        <Radio.Group value={reason} onChange={(v) => setReason(String(v))}>
          {choices.map((c) => (
            <List.Item key={c.code}>
              <Radio value={c.code} data-testid={`reason-${c.code}`}>{lang === 'en' ? c.en : c.zh}</Radio>
            </List.Item>
          ))}
        </Radio.Group>
      </List>
      <div className="padded">
        <Button block color="primary" disabled={!reason || busy} onClick={() => void send()} data-testid="request-send">{t('doc.send')}</Button>
      </div>
    </div>
  );
}
