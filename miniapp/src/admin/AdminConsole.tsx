import { Button, ConfigProvider, Layout, Menu, Result, Spin, Typography } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhHK from 'antd/es/locale/zh_HK';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate, useRoute } from '../router.js';
import { LanguageSwitch } from '../screens/LanguageSwitch.js';
import { AdminApiContext, createAdminApi, type AdminApi } from './admin-api.js';
import { useAdminT, type AdminKey } from './admin-messages.js';
import { AuditSection } from './AuditSection.js';
import { CasesSection } from './CasesSection.js';
import { CliniciansSection } from './CliniciansSection.js';
import { DashboardSection } from './DashboardSection.js';
import { InboundSection } from './InboundSection.js';
import { InstitutionsSection } from './InstitutionsSection.js';
import { OutboxSection } from './OutboxSection.js';
import { OversightSection } from './OversightSection.js';
import { PoliciesSection } from './PoliciesSection.js';
import { ReportSection } from './ReportSection.js';

const SECTIONS: Array<{ key: string; label: AdminKey; render: () => ReactNode }> = [
  { key: 'clinicians', label: 'nav.clinicians', render: () => <CliniciansSection /> },
  { key: 'audit', label: 'nav.audit', render: () => <AuditSection /> },
  { key: 'policies', label: 'nav.policies', render: () => <PoliciesSection /> },
  { key: 'oversight', label: 'nav.oversight', render: () => <OversightSection /> },
  { key: 'outbox', label: 'nav.outbox', render: () => <><OutboxSection /><InboundSection /></> },
  { key: 'report', label: 'nav.report', render: () => <ReportSection /> },
  { key: 'institutions', label: 'nav.institutions', render: () => <InstitutionsSection /> },
  { key: 'cases', label: 'nav.cases', render: () => <CasesSection /> },
  { key: 'dashboard', label: 'nav.dashboard', render: () => <DashboardSection /> },
];

/** Where each console role starts: the first section its routes admit. */
const DEFAULT_SECTION: Record<string, string> = { privacy_officer: 'oversight', auditor: 'audit' };

/**
 * The admin console (desktop, antd), at /app/admin/<section>. Loaded only when an admin opens it:
 * antd is several times the size of the whole doctor UI, which must stay light for phones. The
 * signed-in clinician's app token is traded for an admin token first; a doctor gets a refusal page.
 */
export default function AdminConsole() {
  const { t: tApp, lang } = useI18n();
  const { t } = useAdminT();
  const { api } = useSession();
  const route = useRoute();
  const [admin, setAdmin] = useState<{ api?: AdminApi; error?: unknown }>({});
  useEffect(() => {
    createAdminApi(api).then((a) => setAdmin({ api: a }), (error: unknown) => setAdmin({ error }));
  }, [api]);

  const key = route.split('/')[2] || DEFAULT_SECTION[admin.api?.role ?? ''] || 'clinicians';
  const section = SECTIONS.find((s) => s.key === key) ?? SECTIONS[0]!;
  const back = <Button onClick={() => navigate('/me')} data-testid="admin-back">{t('common.back')}</Button>;

  let body: ReactNode;
  if (admin.error) {
    const forbidden = admin.error instanceof ApiError && admin.error.status === 403;
    body = <Result status={forbidden ? '403' : 'error'} title={forbidden ? t('common.forbidden') : t('common.error')} extra={back} data-testid="admin-refused" />;
  } else if (!admin.api) {
    body = <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>;
  } else {
    body = (
      <AdminApiContext.Provider value={admin.api}>
        <div data-testid={`admin-section-${section.key}`}>{section.render()}</div>
      </AdminApiContext.Provider>
    );
  }

  return (
    <ConfigProvider locale={lang === 'zh-HK' ? zhHK : enUS}>
      <Layout style={{ minHeight: '100vh' }} data-testid="admin-console">
        <Layout.Header className="admin-header">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            {tApp('app.name')} · {tApp('admin.title')}
          </Typography.Title>
          <span>
            {back} <LanguageSwitch />
          </span>
        </Layout.Header>
        <Layout>
          <Layout.Sider width={220} theme="light">
            <Menu
              mode="inline"
              selectedKeys={[section.key]}
              onClick={(e) => navigate(`/admin/${e.key}`)}
              items={SECTIONS.map((s) => ({ key: s.key, label: <span data-testid={`nav-${s.key}`}>{t(s.label)}</span> }))}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }}>{body}</Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
