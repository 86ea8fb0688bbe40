import { NavBar, TabBar } from 'antd-mobile';
import { useI18n } from '../i18n/i18n.js';
import { useNavigate } from 'react-router';
import { InboxIcon, MeIcon } from './icons.js';
import { InboxScreen } from './InboxScreen.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MeScreen } from './MeScreen.js';

export type DoctorTab = 'inbox' | 'me';

/** The doctor's shell: a title bar with the language switch, one screen, and the tab bar. */
export function DoctorHome({ tab }: { tab: DoctorTab }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  return (
    <div className="screen">
      <NavBar back={null} right={<LanguageSwitch />}>
        {t(tab === 'me' ? 'me.title' : 'inbox.title')}
      </NavBar>
      <div className="screen-body">{tab === 'me' ? <MeScreen /> : <InboxScreen />}</div>
      <TabBar className="tab-bar" activeKey={tab} onChange={(key) => navigate(key === 'me' ? '/me' : '/inbox')} safeArea>
        <TabBar.Item key="inbox" icon={<InboxIcon />} title={<span data-testid="tab-inbox">{t('tab.inbox')}</span>} />
        <TabBar.Item key="me" icon={<MeIcon />} title={<span data-testid="tab-me">{t('tab.me')}</span>} />
      </TabBar>
    </div>
  );
}
