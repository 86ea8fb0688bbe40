import { Button, ConfigProvider, Layout, Menu, Result, Typography } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhHK from 'antd/es/locale/zh_HK';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { LanguageSwitch } from '../screens/LanguageSwitch.js';

/**
 * The admin console (desktop, antd). Loaded only when an admin opens it: antd is several times the
 * size of the whole doctor UI, which must stay light for phones. A placeholder for now; the sections
 * (clinicians, institutions, cases, policies, approvals, break-glass, audit, outbox, reports) come next.
 */
export default function AdminConsole() {
  const { t, lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh-HK' ? zhHK : enUS}>
      <Layout style={{ minHeight: '100vh' }} data-testid="admin-console">
        <Layout.Header className="admin-header">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            {t('app.name')} · {t('admin.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Layout.Header>
        <Layout>
          <Layout.Sider width={200} theme="light">
            <Menu mode="inline" selectedKeys={['home']} items={[{ key: 'home', label: t('admin.title') }]} />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }}>
            <Result
              status="info"
              title={t('admin.title')}
              subTitle={t('admin.soon')}
              extra={<Button onClick={() => navigate('/me')}>{t('admin.back')}</Button>}
            />
          </Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
