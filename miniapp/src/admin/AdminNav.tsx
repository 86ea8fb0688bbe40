import { Button, Drawer, Layout, Menu } from 'antd';
import { useState } from 'react';
import { useAdminT } from './admin-messages.js';
import type { SectionView } from './admin-section-list.js';

interface NavProps {
  sections: SectionView[];
  selected: string;
  onPick(key: string): void;
}

function SectionMenu({ sections, selected, onPick }: NavProps) {
  const { t } = useAdminT();
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      onClick={(e) => onPick(e.key)}
      items={sections.map((s) => ({ key: s.key, label: <span data-testid={`nav-${s.key}`}>{t(s.label)}</span> }))}
      data-testid="admin-menu"
    />
  );
}

/** The section menu as a side bar, on screens from tablet width up. */
export function SideNav(props: NavProps) {
  return (
    <Layout.Sider width={220} theme="light">
      <SectionMenu {...props} />
    </Layout.Sider>
  );
}

/** On a phone: a menu button for the header that opens the same menu in a drawer. */
export function DrawerNav(props: NavProps) {
  const { t } = useAdminT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button aria-label={t('nav.menu')} onClick={() => setOpen(true)} data-testid="admin-menu-button">☰</Button>
      <Drawer placement="left" size={260} open={open} onClose={() => setOpen(false)} title={t('nav.menu')} styles={{ body: { padding: 0 } }}>
        <SectionMenu
          {...props}
          onPick={(key) => {
            setOpen(false);
            props.onPick(key);
          }}
        />
      </Drawer>
    </>
  );
}
