import { NavBar, TabBar } from 'antd-mobile';
import { useI18n } from '../i18n/i18n.js';
import { useNavigate } from 'react-router';
import { CasesScreen } from '../doctor/CasesScreen.js';
import { CasesIcon, InboxIcon, MeIcon } from './icons.js';
import { InboxScreen } from './InboxScreen.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MeScreen } from './MeScreen.js';

export type DoctorTab = 'inbox' | 'cases' | 'me';

const TITLES = { inbox: 'inbox.title', cases: 'cases.title', me: 'me.title' } as const;

/** The doctor's shell: a title bar with the language switch, one screen, and the tab bar. */
export function DoctorHome({ tab }: { tab: DoctorTab }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  return (
    <div className="screen">
      <NavBar back={null} right={<LanguageSwitch />}>
        {t(TITLES[tab])}
      </NavBar>
      <div className="screen-body">{tab === 'me' ? <MeScreen /> : tab === 'cases' ? <CasesScreen /> : <InboxScreen />}</div>
      <TabBar className="tab-bar" activeKey={tab} onChange={(key) => navigate(`/${key}`)} safeArea>
        <TabBar.Item key="inbox" icon={<InboxIcon />} title={<span data-testid="tab-inbox">{t('tab.inbox')}</span>} />
        <TabBar.Item key="cases" icon={<CasesIcon />} title={<span data-testid="tab-cases">{t('tab.cases')}</span>} />
        <TabBar.Item key="me" icon={<MeIcon />} title={<span data-testid="tab-me">{t('tab.me')}</span>} />
      </TabBar>
    </div>
  );
}
