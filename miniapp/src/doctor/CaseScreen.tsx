import { specialtyIn } from '../api/types.js';
import { ApiErrorBlock } from '../screens/ApiErrorBlock.js';
import { Button, DotLoading, List, Tag } from 'antd-mobile';
import { useApi, useEndpoints } from '../api/use-api.js';
import { useNavigate } from 'react-router';
import { personName, type CaseView, type Person } from './doctor-api.js';
import { hkTime, useDoctorI18n, type DoctorKey } from './doctor-messages.js';
import { DoctorPage } from './DoctorPage.js';
import { PatientBanner } from './PatientBanner.js';
import { CaseDocuments } from './CaseDocuments.js';
import { PagedList } from './PagedList.js';
import { useComposeI18n } from './compose/compose-messages.js';
import { CaseGrantsPanel } from './grants/CaseGrantsPanel.js';
import { useMedicationI18n } from './medications/medication-messages.js';
import { useClinicalI18n } from './clinical/clinical-messages.js';
import { ReferPanel } from './referrals/ReferPanel.js';
import { CaseMdtPanel } from './mdt/CaseMdtPanel.js';

/** A case as its care team sees it: team with roles and badges, documents with who opened them. */
export function CaseScreen({ code }: { code: string }) {
  const navigate = useNavigate();
  const { t, lang } = useDoctorI18n();
  const meds = useMedicationI18n();
  const load = useApi('caseView', [code]);
  const badge = (p: Person) => <Tag color={p.verified ? 'success' : 'default'} fill="outline" data-testid="verified-badge">{t(p.verified ? 'verified' : 'unverified')}</Tag>;
  let body;
  if (load.loading && !load.data) body = <div className="centered"><DotLoading color="primary" /></div>;
  else if (!load.data) body = <ApiErrorBlock error={load.error} testId="case-error" />;
  else {
    const c = load.data;
    body = (
      <div data-testid="case-view">
        <PatientBanner code={c.code} />
        <KeyPointsLink code={c.code} />
        {c.myCareRole !== null && c.status !== 'closed' && <ComposeButtons code={c.code} />}
        <List>
          <List.Item arrow onClick={() => navigate(`/doctor/cases/${c.code}/medications`)} description={meds.t('entryNote')} data-testid="case-medications">
            {meds.t('entry')}
          </List.Item>
        </List>
        <CaseGrantsPanel view={c} onChanged={load.reload} />
        {c.myCareRole !== null && <ReferPanel code={c.code} mayRefer={c.status !== 'closed'} />}
        <CaseMdtPanel code={c.code} />
        <List header={t('case.team')}>
          {c.team.map((m) => (
            <List.Item key={`${m.id}-${m.careRole}`} description={[m.specialty ? specialtyIn(lang, m.specialty) : null, m.institutionName ?? m.institutionCode].filter(Boolean).join(' · ')} extra={badge(m)}>
              {personName(lang, m)} · {t(`care.${m.careRole}` as DoctorKey)}
            </List.Item>
          ))}
        </List>
        <CaseDocuments view={c} />
        <ResultTriggers view={c} />
      </div>
    );
  }
  return <DoctorPage title={`${t('case.title')} ${code}`}>{body}</DoctorPage>;
}

/** Consult rules that fired on the case's results and forms, newest first; more on scroll. Nothing when none fired. */
function ResultTriggers({ view: c }: { view: CaseView }) {
  const ep = useEndpoints();
  const { t } = useDoctorI18n();
  const first = c.consultTriggers.filter((f) => f.documentId === null);
  if (first.length === 0) return null;
  return (
    <PagedList
      testId="result-triggers"
      header={t('case.resultTriggers')}
      first={{ items: first, nextCursor: c.consultTriggersNext }}
      more={(cursor) => ep.caseConsultTriggers(c.code, cursor)}
      row={(f) => <List.Item key={`${f.ruleId}-${f.firedAt}`} extra={hkTime(f.firedAt)} data-testid="consult-trigger">{t('case.triggeredConsult')} {f.ruleId}</List.Item>}
    />
  );
}

/** Into the compose screens; each asks the server what I may send, so a refusal is explained there. */
function ComposeButtons({ code }: { code: string }) {
  const navigate = useNavigate();
  const { t } = useComposeI18n();
  const to = (what: string) => () => navigate(`/case/${code}/${what}`);
  return (
    <div className="compose-actions">
      <Button size="small" color="primary" fill="outline" onClick={to('share')} data-testid="case-share">{t('compose.share')}</Button>
      <Button size="small" color="warning" fill="outline" onClick={to('burn')} data-testid="case-burn">{t('compose.burn')}</Button>
      <Button size="small" color="danger" fill="outline" onClick={to('alert')} data-testid="case-alert">{t('compose.alert')}</Button>
    </div>
  );
}

/** Into the case's key points (problems, medications, allergies, results, requests, alerts). */
function KeyPointsLink({ code }: { code: string }) {
  const navigate = useNavigate();
  const { t } = useClinicalI18n();
  return (
    <div className="padded">
      <Button block size="small" color="primary" fill="outline" onClick={() => navigate(`/doctor/cases/${code}/summary`)} data-testid="case-summary-link">{t('sum.open')}</Button>
    </div>
  );
}
