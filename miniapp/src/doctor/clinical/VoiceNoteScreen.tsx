import { Button, Checkbox, DotLoading, List, NoticeBar, Radio, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import { CASE_CODE } from '../../router.js';
import { hkTime, useDoctorI18n, type DoctorKey } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { useClinicalI18n, type ClinicalKey } from './clinical-messages.js';

/**
 * /doctor/voice/:id — a voice note I sent the bot 1:1, kept for me to confirm: DingTalk's transcript, the terms
 * the lexicon matched (how and score) to tick, the case (one of mine; `?case=` from the chat link picks
 * it), then save as a note or as a medication. Nothing is recorded before I press one.
 */
export function VoiceNoteScreen({ draftId }: { draftId: string }) {
  const { t, errorText } = useClinicalI18n();
  const doctor = useDoctorI18n();
  const ep = useEndpoints();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const load = useApi('voiceNote', [draftId]);
  const asked = params.get('case');
  const [picked, setPicked] = useState<string | null>(asked && CASE_CODE.test(asked) ? asked : null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ code: string; as: 'note' | 'medication'; unresolved: string[] } | null>(null);

  const v = load.data;
  let body;
  if (!v && load.error !== null) body = <div className="padded hint" role="alert" data-testid="voice-error">{errorText(errorCode(load.error))}</div>;
  else if (!v) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (saved)
    body = (
      <div className="padded stack" data-testid="voice-saved">
        <NoticeBar color="success" wrap content={t(saved.as === 'note' ? 'voice.savedNote' : 'voice.savedMedication').replace('{code}', saved.code)} />
        {saved.unresolved.length > 0 && <div className="hint">{t('voice.unresolved').replace('{names}', saved.unresolved.join(', '))}</div>}
        <Button block color="primary" fill="outline" onClick={() => navigate(`/doctor/cases/${saved.code}/summary`)} data-testid="voice-to-summary">{t('voice.toSummary').replace('{code}', saved.code)}</Button>
      </div>
    );
  else {
    const caseCode = picked ?? v.cases[0]?.code ?? null;
    const drugsTicked = v.terms.some((m) => m.kind === 'drug' && ticked.includes(m.entry));
    const save = async (as: 'note' | 'medication') => {
      if (!caseCode) return;
      setBusy(true);
      try {
        const out = await ep.saveVoiceNote(draftId, { caseCode, as, confirmed: ticked });
        setSaved({ code: out.caseCode, as, unresolved: out.unresolved });
      } catch (e) {
        Toast.show({ content: errorText(e instanceof ApiError ? e.code : 'other') });
      } finally {
        setBusy(false);
      }
    };
    body = (
      <div data-testid="voice-note">
        <List header={t('voice.heard')}>
          <List.Item data-testid="voice-transcript">{v.recognition}</List.Item>
        </List>
        <List header={t('voice.terms')}>
          {v.terms.length === 0 && <List.Item>{t('voice.noTerms')}</List.Item>}
          <Checkbox.Group value={ticked} onChange={(vals) => setTicked(vals as string[])}>
            {v.terms.map((m) => (
              <List.Item key={m.entry} data-testid="voice-term" prefix={<Checkbox value={m.entry} data-testid={`voice-tick-${m.entry}`} />} description={`${m.heard} · ${t(`how.${m.how}` as ClinicalKey)} · ${t('score')} ${m.score.toFixed(2)}`}>
                <strong>{m.canonical}</strong> <Tag fill="outline">{t(`kind.${m.kind}` as ClinicalKey)}</Tag>
              </List.Item>
            ))}
          </Checkbox.Group>
        </List>
        <List header={t('voice.case')}>
          {v.cases.length === 0 && <List.Item>{t('voice.pickCase')}</List.Item>}
          <Radio.Group value={caseCode ?? undefined} onChange={(c) => setPicked(String(c))}>
            {v.cases.map((c) => (
              <List.Item key={c.code} prefix={<Radio value={c.code} data-testid={`voice-case-${c.code}`} />}>
                {c.code} · {doctor.t(`care.${c.role}` as DoctorKey)}
              </List.Item>
            ))}
          </Radio.Group>
        </List>
        <div className="padded stack">
          <Button block color="primary" disabled={busy || !caseCode} onClick={() => void save('note')} data-testid="voice-save-note">{t('voice.asNote')}</Button>
          <Button block color="primary" fill="outline" disabled={busy || !caseCode || !drugsTicked} onClick={() => void save('medication')} data-testid="voice-save-medication">{t('voice.asMedication')}</Button>
          <div className="hint">{t('voice.expires')} {hkTime(v.expiresAt)}</div>
        </div>
      </div>
    );
  }
  return <DoctorPage title={t('voice.title')}>{body}</DoctorPage>;
}
