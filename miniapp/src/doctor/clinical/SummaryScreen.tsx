import { Button, DotLoading, List, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import { errorCode, useApi, useEndpoints } from '../../api/use-api.js';
import type { CaseSummaryDto } from '../../../../src/contract/clinical-notes.js';
import { personName } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { DoctorPage } from '../DoctorPage.js';
import { docTypeLabel } from '../grants/grant-messages.js';
import { useClinicalI18n, type ClinicalKey } from './clinical-messages.js';
import { EhrAllergiesList } from './EhrAllergiesList.js';

type Suggestion = CaseSummaryDto['suggestions']['problems'][number];

/**
 * /doctor/cases/:code/summary — a case's key points: confirmed problems, active medications, allergy alerts
 * and the health record's allergies (or "unavailable"),
 * recent documents (type and date), open requests, interaction alerts, notes; terms the notes mention
 * are suggested for a clinician to confirm; guideline links follow the confirmed problems and drugs.
 */
export function SummaryScreen({ code }: { code: string }) {
  const { t, lang, errorText } = useClinicalI18n();
  const ep = useEndpoints();
  const navigate = useNavigate();
  const load = useApi('caseSummary', [code]);
  const s = load.data;

  const confirm = async (p: Suggestion) => {
    try {
      await ep.confirmProblem(code, { term: p.heard, entry: p.entry });
      Toast.show({ content: t('sum.confirmed') });
      load.reload();
    } catch (e) {
      Toast.show({ content: errorText(e instanceof ApiError ? e.code : 'other') });
    }
  };
  const when = (ms: number) => hkTime(ms);
  const empty = (key: ClinicalKey) => <List.Item>{t(key)}</List.Item>;

  let body;
  if (!s && load.error !== null) body = <div className="padded hint" role="alert" data-testid="summary-error">{errorText(errorCode(load.error))}</div>;
  else if (!s) body = <div className="centered"><DotLoading color="primary" /></div>;
  else
    body = (
      <div data-testid="case-summary">
        <List header={t('sum.problems')} data-testid="summary-problems">
          {s.problems.length === 0 && empty('sum.noProblems')}
          {s.problems.map((p) => (
            <List.Item key={p.id} data-testid="summary-problem" description={`${personName(lang, p.confirmedBy)} · ${when(p.confirmedAt)}`}>{p.term}</List.Item>
          ))}
        </List>
        <List header={t('sum.medications')} data-testid="summary-medications">
          {s.medications === null ? empty('sum.medicationsNA') : s.medications.length === 0 && empty('sum.noMedications')}
          {(s.medications ?? []).map((m) => (
            <List.Item key={m.id} data-testid="summary-medication" description={[m.text, m.prescriber ? personName(lang, m.prescriber) : m.source === 'ehr' ? t('sum.ehr') : null, m.startOn].filter(Boolean).join(' · ')}>
              {m.terms.join(' + ')}
              {m.unresolved.length > 0 && <div className="hint">{t('voice.unresolved').replace('{names}', m.unresolved.join(', '))}</div>}
            </List.Item>
          ))}
        </List>
        <List header={t('sum.allergies')} data-testid="summary-allergies">
          {s.allergyAlerts.length === 0 && empty('sum.noAllergies')}
          {s.allergyAlerts.map((a) => <List.Item key={a.id} extra={when(a.raisedAt)}>{t('sum.allergyRaised')}</List.Item>)}
        </List>
        <EhrAllergiesList state={s.ehrAllergies} t={t} />
        <List header={t('sum.documents')} data-testid="summary-documents">
          {s.documents.length === 0 && empty('sum.noDocuments')}
          {s.documents.map((d) => <List.Item key={d.id} extra={when(d.createdAt)}>{docTypeLabel(d.docType, lang)}</List.Item>)}
        </List>
        <List header={t('sum.requests')} data-testid="summary-requests">
          {s.openRequests.length === 0 && empty('sum.noRequests')}
          {s.openRequests.map((r) => <List.Item key={r.id} extra={when(r.createdAt)}>{personName(lang, r.requester)}</List.Item>)}
        </List>
        <List header={t('sum.interactions')} data-testid="summary-interactions">
          {s.interactionAlerts === null ? empty('sum.interactionsNA') : s.interactionAlerts.length === 0 && empty('sum.noInteractions')}
          {(s.interactionAlerts ?? []).map((a) => <List.Item key={a.id} data-testid="summary-interaction" onClick={() => navigate(`/doctor/interactions/${a.id}`)} extra={when(a.createdAt)}><Tag color="danger">{a.severity}</Tag> {a.status}</List.Item>)}
        </List>
        <List header={t('sum.suggested')} data-testid="summary-suggestions">
          {s.suggestions.problems.map((p) => (
            <List.Item key={p.entry} data-testid="summary-suggested-problem" description={`${t('sum.suggestedProblem')} · ${p.heard} · ${t(`how.${p.how}` as ClinicalKey)} · ${t('score')} ${p.score.toFixed(2)}`}
              extra={<Button size="mini" color="primary" onClick={() => void confirm(p)} data-testid={`summary-confirm-${p.entry}`}>{t('sum.confirm')}</Button>}>
              {p.canonical}
            </List.Item>
          ))}
          {s.suggestions.medications.map((m) => (
            <List.Item key={m.entry} data-testid="summary-suggested-medication" description={`${t('sum.suggestedMedication')} · ${m.heard} · ${t(`how.${m.how}` as ClinicalKey)} · ${t('score')} ${m.score.toFixed(2)} · ${t('sum.medicationLater')}`}>
              {m.canonical}
            </List.Item>
          ))}
        </List>
        <List header={t('sum.notes')} data-testid="summary-notes">
          {s.notes.length === 0 && empty('sum.noNotes')}
          {s.notes.map((n) => (
            <List.Item key={n.id} data-testid="summary-note" description={[personName(lang, n.author), n.source === 'voice' ? t('sum.fromVoice') : null, when(n.createdAt)].filter(Boolean).join(' · ')}>{n.text}</List.Item>
          ))}
        </List>
        <List header={t('sum.guidelines')} data-testid="summary-guidelines">
          {s.guidelines.map((g) => (
            <List.Item key={g.id} data-testid="summary-guideline" description={`${g.publisher} · ${g.reference}${g.year ? ` (${g.year})` : ''}${g.note ? ` · ${g.note}` : ''}`}>
              <a href={g.url} target="_blank" rel="noopener noreferrer">{g.title}</a>
            </List.Item>
          ))}
          <List.Item description={t('sum.guidelinesNote')} />
        </List>
      </div>
    );
  return <DoctorPage title={`${t('sum.title')} ${code}`}>{body}</DoctorPage>;
}
