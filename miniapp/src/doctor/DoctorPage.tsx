import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../screens/LanguageSwitch.js';
import { useNavigate } from 'react-router';

/** A pushed doctor screen (case, document): back to the inbox, the language switch, the content. */
export function DoctorPage({ title, children }: { title: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="screen">
      <NavBar onBack={() => (window.history.length > 1 ? window.history.back() : navigate('/inbox'))} right={<LanguageSwitch />}>
        {title}
      </NavBar>
      <div className="screen-body">{children}</div>
    </div>
  );
}
