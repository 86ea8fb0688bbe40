import { Button, DotLoading, List, NoticeBar, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MdtMeetingDto, MdtSummaryDto } from '../../../../src/contract/mdt.js';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { hkTime } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { SignOffPanel } from './SignOffPanel.js';
import { TrackedActions } from './TrackedActions.js';
import { SummaryEditor } from './SummaryEditor.js';
import { useMdtI18n, type MdtKey } from './mdt-messages.js';

const nameOf = (p: { nameEn: string; nameZh: string | null }) => (p.nameZh ? `${p.nameZh} ${p.nameEn}` : p.nameEn);

/**
 * /doctor/mdt/:id — an MDT meeting I take part in: who and when; the transcript (pasted or a .txt file)
 * and the summary pre-filled from it by rules, edited here and sent for sign-off; the sign-off steps, with
 * Approve / Return when the current step is mine; the archived summary once signed off.
 */
export function MdtMeetingScreen({ meetingId }: { meetingId: string }) {
  const { t, errorText } = useMdtI18n();
  const ep = useEndpoints();
  const navigate = useNavigate();
  const load = useApi('mdtMeeting', [meetingId]);
  const [transcript, setTranscript] = useState<string | null>(null);
  const [summary, setSummary] = useState<MdtSummaryDto | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const said = await work();
      if (said) setNotice(said);
      load.reload();
    } catch (e) {
      Toast.show({ content: errorText(e instanceof ApiError ? e.code : 'other') });
    } finally {
      setBusy(false);
    }
  };

  const m: MdtMeetingDto | undefined = load.data;
  let body;
  if (!m && load.error !== null) body = <div className="padded hint" role="alert" data-testid="mdt-error">{errorText(errorCode(load.error))}</div>;
  else if (!m) body = <div className="centered"><DotLoading color="primary" /></div>;
  else {
    const text = transcript ?? m.transcript ?? '';
    const current = summary ?? m.summary;
    const readFile = async (f: File | undefined) => {
      if (f) setTranscript(await f.text());
    };
    body = (
      <div data-testid="mdt-meeting">
        {notice && <NoticeBar color="success" wrap content={notice} data-testid="mdt-notice" />}
        <List header={t('mdt.meeting')}>
          <List.Item extra={<Tag color="primary" data-testid="mdt-status">{t(`st.${m.status}` as MdtKey)}</Tag>}>{m.caseCode} · {hkTime(m.scheduledAt)}</List.Item>
          <List.Item description={t('mdt.participants')} data-testid="mdt-participants">
            {m.participants.map((p) => `${nameOf(p.person)}${p.kind === 'invited' ? ` (${t('mdt.invited')})` : ''}`).join(' · ')}
          </List.Item>
        </List>
        {m.editable && (
          <List header={t('mdt.transcript')}>
            <List.Item description={t('mdt.transcriptHint')}>
              <TextArea data-testid="mdt-transcript" autoSize={{ minRows: 4, maxRows: 14 }} value={text} onChange={setTranscript} />
              <input type="file" accept=".txt,text/plain" aria-label={t('mdt.upload')} data-testid="mdt-upload" onChange={(e) => void readFile(e.target.files?.[0])} />
            </List.Item>
            <List.Item>
              <Button block color="primary" fill="outline" disabled={busy || text.trim() === ''} data-testid="mdt-prefill"
                onClick={() => void run(async () => { setSummary(await ep.mdtTranscript(meetingId, text)); setVersion((v) => v + 1); return null; })}>{t('mdt.prefill')}</Button>
              <div className="hint">{t('mdt.rules')}</div>
            </List.Item>
          </List>
        )}
        {current && (
          <>
            <SummaryEditor key={version} value={current} onChange={setSummary} people={m.participants} disabled={!m.editable || busy} />
            {m.editable && (
              <div className="padded stack">
                <Button block color="primary" fill="outline" disabled={busy} data-testid="mdt-save" onClick={() => void run(async () => { setSummary(await ep.mdtSaveSummary(meetingId, current)); return t('mdt.saved'); })}>{t('mdt.save')}</Button>
                <Button block color="primary" disabled={busy} data-testid="mdt-submit"
                  onClick={() => void run(async () => { await ep.mdtSaveSummary(meetingId, current); await ep.mdtSubmit(meetingId); setSummary(null); return t('mdt.submitted'); })}>{t('mdt.submit')}</Button>
              </div>
            )}
          </>
        )}
        <SignOffPanel meeting={m} busy={busy} decide={(d) => void run(async () => t(`mdt.decided.${(await ep.mdtDecide(meetingId, d)).next}` as MdtKey))} />
        {m.documentId && (
          <div className="padded"><Button block color="success" data-testid="mdt-document" onClick={() => navigate(`/doc/${m.documentId}`)}>{t('mdt.document')}</Button></div>
        )}
        <TrackedActions actions={m.actions} />
      </div>
    );
  }
  return <DoctorPage title={t('mdt.title')}>{body}</DoctorPage>;
}
