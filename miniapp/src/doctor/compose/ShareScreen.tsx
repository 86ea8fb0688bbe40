import { Button, Input, List, Switch } from 'antd-mobile';
import type { DocumentType } from '../../../../src/contract/document-types.js';
import { DocTypePicker } from '../grants/Choices.js';
import { useGrantI18n } from '../grants/grant-messages.js';
import { useState } from 'react';
import { useEndpoints } from '../../api/use-api.js';
import { RestrictedPicker, type RestrictedCode } from '../restricted-categories.js';
import type { SharedReport } from '../doctor-api.js';
import { useComposeI18n } from './compose-messages.js';
import { ComposeFrame, FilePick, Sent } from './ComposeFrame.js';
import { useSend } from './use-send.js';

/**
 * /case/<code>/share: pick a report and share it into the case. The server decides the file's type
 * from its bytes and checks the share rule again; the size check here only saves a doomed upload.
 */
export function ShareScreen({ code }: { code: string }) {
  const ep = useEndpoints();
  const { t, errorText } = useComposeI18n();
  const { t: g } = useGrantI18n();
  const [file, setFile] = useState<File | null>(null);
  const [urgent, setUrgent] = useState(false);
  const [restricted, setRestricted] = useState<RestrictedCode | null>(null);
  const [docType, setDocType] = useState<DocumentType>('report');
  const [docTitle, setDocTitle] = useState('');
  const [flag, setFlag] = useState('');
  const { busy, error, done, run, setError } = useSend<SharedReport>();

  async function send(max: number) {
    if (!file) return;
    if (file.size > max) return setError('request.too_large');
    await run(async () => {
      const shared = await ep.shareReport(code, file, { urgent, restricted: restricted ?? undefined, type: docType, flag: flag.trim() || undefined });
      if (docTitle.trim()) await ep.setDocumentTitle(shared.documentId, { title: docTitle.trim() });
      return shared;
    });
  }

  return (
    <ComposeFrame code={code} title={t('share.title')}>
      {(o) =>
        done ? (
          <div data-document-id={done.documentId}><Sent code={code} title={t('share.done')} note={t('share.doneNote')} testId="share-done" /></div>
        ) : !o.share ? (
          <div className="padded hint" data-testid="compose-denied">{t('denied')}</div>
        ) : (
          <div className="padded stack compose" data-testid="share-form">
            <FilePick file={file} onPick={setFile} label={t('share.pick')} testId="share-file" />
            <div className="hint">{t('share.hint')}</div>
            <DocTypePicker value={docType} onChange={setDocType} />
            <Input data-testid="share-title" placeholder={g('share.titleLabel')} value={docTitle} onChange={setDocTitle} maxLength={120} />
            <Input data-testid="share-flag" placeholder={t('share.flag')} value={flag} onChange={setFlag} maxLength={60} />
            <List>
              <List.Item description={t('share.urgentNote')} extra={<Switch checked={urgent} onChange={setUrgent} data-testid="share-urgent" />}>{t('share.urgent')}</List.Item>
              <List.Item description={<div className="stack" style={{ gap: 6 }}><span>{t('share.restrictedNote')}</span><RestrictedPicker value={restricted} onChange={setRestricted} testId="share-restricted" /></div>}>{t('share.restricted')}</List.Item>
            </List>
            {error && <div className="compose-error" role="alert" data-testid="compose-error">{errorText(error)}</div>}
            <Button block color="primary" disabled={!file || busy} loading={busy} onClick={() => void send(o.maxUploadBytes)} data-testid="share-send">{t('share.send')}</Button>
          </div>
        )
      }
    </ComposeFrame>
  );
}
