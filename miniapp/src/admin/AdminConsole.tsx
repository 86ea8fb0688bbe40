import { Button, ConfigProvider, Grid, Layout, Result, Spin, Typography } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhHK from 'antd/es/locale/zh_HK';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../screens/LanguageSwitch.js';
import { AdminApiContext, createAdminApi, type AdminApi } from './admin-api.js';
import { useAdminT } from './admin-messages.js';
import { SECTION_VIEWS } from './admin-section-list.js';
import { DrawerNav, SideNav } from './AdminNav.js';

/**
 * The admin console (antd), at /app/admin/<section>. Loaded only when an admin opens it: antd is
 * several times the size of the whole doctor UI, which must stay light for phones. The signed-in
 * clinician's app token is traded for an admin token first; a doctor gets a refusal page. The menu
 * lists only the sections the admin token answer names for this role, the first one being where the
 * role starts; below tablet width the menu moves into a drawer and the page never scrolls sideways.
 */
export default function AdminConsole() {
  const navigate = useNavigate();
  const { t: tApp, lang } = useI18n();
  const { t } = useAdminT();
  const { api } = useSession();
  const route = useLocation().pathname;
  const narrow = !Grid.useBreakpoint().md;
  const [admin, setAdmin] = useState<{ api?: AdminApi; error?: unknown }>({});
  useEffect(() => {
    createAdminApi(api).then((a) => setAdmin({ api: a }), (error: unknown) => setAdmin({ error }));
  }, [api]);

  const sections = (admin.api?.sections ?? []).map((s) => SECTION_VIEWS[s]);
  const key = route.split('/')[2] || sections[0]?.key || '';
  const section = sections.find((s) => s.key === key);
  const back = <Button onClick={() => navigate('/me')} data-testid="admin-back">{t('common.back')}</Button>;
  const refusal = (forbidden: boolean) => (
    <Result status={forbidden ? '403' : 'error'} title={forbidden ? t('common.forbidden') : t('common.error')} extra={back} data-testid="admin-refused" />
  );

  let body: ReactNode;
  if (admin.error) body = refusal(admin.error instanceof ApiError && admin.error.status === 403);
  else if (!admin.api) body = <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>;
  else if (!section) body = refusal(true);
  else {
    body = (
      <AdminApiContext.Provider value={admin.api}>
        <div data-testid={`admin-section-${section.key}`}>{section.render()}</div>
      </AdminApiContext.Provider>
    );
  }
  const nav = { sections, selected: key, onPick: (k: string) => navigate(`/admin/${k}`) };

  return (
    <ConfigProvider locale={lang === 'zh-HK' ? zhHK : enUS}>
      <Layout style={{ minHeight: '100vh' }} className={narrow ? 'admin-console admin-narrow' : 'admin-console'} data-testid="admin-console">
        <Layout.Header className="admin-header">
          {narrow && sections.length > 0 && <DrawerNav {...nav} />}
          <Typography.Title level={narrow ? 5 : 4} ellipsis className="admin-title">
            {tApp('app.name')} · {tApp('admin.title')}
          </Typography.Title>
          <span className="admin-header-actions">
            {back} <LanguageSwitch />
          </span>
        </Layout.Header>
        <Layout>
          {!narrow && sections.length > 0 && <SideNav {...nav} />}
          <Layout.Content className="admin-content">{body}</Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
