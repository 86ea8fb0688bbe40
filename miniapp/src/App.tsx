import { DotLoading, ErrorBlock } from 'antd-mobile';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { useSession } from './auth/session.js';
import { BurnViewer } from './doctor/BurnViewer.js';
import { AlertStatusScreen } from './doctor/AlertStatusScreen.js';
import { InteractionScreen } from './doctor/interactions/InteractionScreen.js';
import { ReferralScreen } from './doctor/referrals/ReferralScreen.js';
import { CaseScreen } from './doctor/CaseScreen.js';
import { SummaryScreen } from './doctor/clinical/SummaryScreen.js';
import { VoiceNoteScreen } from './doctor/clinical/VoiceNoteScreen.js';
import { MdtActionsScreen } from './doctor/mdt/MdtActionsScreen.js';
import { DocumentsScreen } from './doctor/DocumentsScreen.js';
import { AlertFormScreen } from './doctor/compose/AlertFormScreen.js';
import { BurnComposeScreen } from './doctor/compose/BurnComposeScreen.js';
import { ShareScreen } from './doctor/compose/ShareScreen.js';
import './doctor/compose/compose.css';
import { DocumentScreen } from './doctor/DocumentScreen.js';
import './doctor/doctor.css';
import { FormScreen } from './doctor/forms/FormScreen.js';
import { MedicationsScreen } from './doctor/medications/MedicationsScreen.js';
import { RuleReviewScreen } from './doctor/rules/RuleReviewScreen.js';
import './doctor/rules/rules.css';
import { useI18n } from './i18n/i18n.js';
import { CASE_CODE, ID } from './router.js';
import { DoctorHome } from './screens/DoctorHome.js';
import { LoginScreen } from './screens/LoginScreen.js';
import { YidaApprovalScreen } from './doctor/yida/YidaApprovalScreen.js';

// antd is only fetched when the admin console is opened (see AdminConsole).
const AdminConsole = lazy(() => import('./admin/AdminConsole.js'));
// The MDT meeting screen (its summary editor brings the date wheel) is fetched when a meeting is opened.
const MdtMeetingScreen = lazy(() => import('./doctor/mdt/MdtMeetingScreen.js').then((m) => ({ default: m.MdtMeetingScreen })));
// Sandbox mode only: plays DingTalk over the simulator; it picks its own demo user, so no sign-in.
const SandboxChat = lazy(() => import('./sandbox-chat/SandboxChat.js'));

const spinner = <div className="centered"><DotLoading color="primary" /></div>;

/**
 * Nothing but the login flow (and the sandbox chat) is reachable without a session; then the route
 * picks the screen. Signing in never changes the URL, so a link the bot sent (/form/…, /doc/…,
 * /burn/…) opened fresh shows the sign-in first and then that very screen, not the inbox.
 */
export function App() {
  const { state } = useSession();
  const { pathname } = useLocation();
  if (pathname.replace(/\/$/, '') === '/sandbox') return <Suspense fallback={spinner}><SandboxChat /></Suspense>;
  if (state.kind !== 'signedIn') return <LoginScreen state={state} />;
  return (
    <Routes>
      <Route path="/" element={<DoctorHome tab="inbox" />} />
      <Route path="/inbox" element={<DoctorHome tab="inbox" />} />
      <Route path="/cases" element={<DoctorHome tab="cases" />} />
      <Route path="/me" element={<DoctorHome tab="me" />} />
      <Route path="/case/:code" element={<Checked param="code" re={CASE_CODE} render={(code) => <CaseScreen code={code} />} />} />
      <Route path="/case/:code/share" element={<Checked param="code" re={CASE_CODE} render={(code) => <ShareScreen code={code} />} />} />
      <Route path="/case/:code/burn" element={<Checked param="code" re={CASE_CODE} render={(code) => <BurnComposeScreen code={code} />} />} />
      <Route path="/case/:code/alert" element={<Checked param="code" re={CASE_CODE} render={(code) => <AlertFormScreen code={code} />} />} />
      {/* The bot's `meds C-…` link (doctorPageLink): the clinical layer's pages live under /doctor/. */}
      <Route path="/doctor/cases/:code/medications" element={<Checked param="code" re={CASE_CODE} render={(code) => <MedicationsScreen code={code} />} />} />
      <Route path="/doctor/cases/:code/summary" element={<Checked param="code" re={CASE_CODE} render={(code) => <SummaryScreen code={code} />} />} />
      <Route path="/doctor/mdt/:id" element={<Checked param="id" re={ID} render={(id) => <Suspense fallback={spinner}><MdtMeetingScreen key={id} meetingId={id} /></Suspense>} />} />
      <Route path="/doctor/mdt-actions" element={<MdtActionsScreen />} />
      <Route path="/doctor/documents" element={<DocumentsScreen />} />
      <Route path="/doctor/voice/:id" element={<Checked param="id" re={ID} render={(id) => <VoiceNoteScreen key={id} draftId={id} />} />} />
      <Route path="/doc/:id" element={<Checked param="id" re={ID} render={(id) => <DocumentScreen documentId={id} />} />} />
      <Route path="/burn/:id" element={<Checked param="id" re={ID} render={(id) => <BurnViewer itemId={id} />} />} />
      <Route path="/alert/:id" element={<Checked param="id" re={ID} render={(id) => <AlertStatusScreen alertId={id} />} />} />
      <Route path="/referral/:id" element={<Checked param="id" re={ID} render={(id) => <ReferralScreen key={id} referralId={id} />} />} />
      <Route path="/doctor/interactions/:id" element={<Checked param="id" re={ID} render={(id) => <InteractionScreen key={id} alertId={id} />} />} />
      {/* Keyed by the intent: another link must not inherit this one's typed values. */}
      <Route path="/form/case-open/:id" element={<Checked param="id" re={ID} render={(id) => <FormScreen key={id} kind="case-open" intentId={id} />} />} />
      <Route path="/form/consent/:id" element={<Checked param="id" re={ID} render={(id) => <FormScreen key={id} kind="consent" intentId={id} />} />} />
      <Route path="/doctor/rules" element={<RuleReviewScreen />} />
      <Route path="/doctor/forms/:id" element={<Checked param="id" re={ID} render={(id) => <YidaApprovalScreen key={id} submissionId={id} />} />} />
      <Route path="/admin/*" element={<Suspense fallback={spinner}><AdminConsole /></Suspense>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** A screen whose path segment looks like something the server issues; anything else is not found. */
function Checked({ param, re, render }: { param: string; re: RegExp; render: (value: string) => ReactNode }) {
  const value = useParams()[param] ?? '';
  return re.test(value) ? render(value) : <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return <ErrorBlock status="empty" title={t('notFound')} description="" fullPage />;
}
