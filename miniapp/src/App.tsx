import { DotLoading, ErrorBlock } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import { useSession } from './auth/session.js';
import { useI18n } from './i18n/i18n.js';
import { useRoute } from './router.js';
import { DoctorHome } from './screens/DoctorHome.js';
import { LoginScreen } from './screens/LoginScreen.js';
import { doctorScreen } from './doctor/DoctorRoutes.js';

// antd is only fetched when the admin console is opened (see AdminConsole).
const AdminConsole = lazy(() => import('./admin/AdminConsole.js'));
// Sandbox mode only: plays DingTalk over the simulator; it picks its own demo user, so no sign-in.
const SandboxChat = lazy(() => import('./sandbox-chat/SandboxChat.js'));

/**
 * Nothing but the login flow (and the sandbox chat) is reachable without a session; then the route
 * picks the screen. Signing in never changes the URL, so a link the bot sent (/form/…, /doc/…,
 * /burn/…) opened fresh shows the sign-in first and then that very screen, not the inbox.
 */
export function App() {
  const { state } = useSession();
  const route = useRoute();
  if (route === '/sandbox') return <Suspense fallback={<div className="centered"><DotLoading color="primary" /></div>}><SandboxChat /></Suspense>;
  if (state.kind !== 'signedIn') return <LoginScreen state={state} />;
  if (route === '/' || route === '/inbox') return <DoctorHome tab="inbox" />;
  if (route === '/me') return <DoctorHome tab="me" />;
  const doctor = doctorScreen(route);
  if (doctor) return doctor;
  if (route === '/admin' || route.startsWith('/admin/')) {
    return (
      <Suspense fallback={<div className="centered"><DotLoading color="primary" /></div>}>
        <AdminConsole />
      </Suspense>
    );
  }
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return <ErrorBlock status="empty" title={t('notFound')} description="" fullPage />;
}
