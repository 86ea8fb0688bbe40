import { Button, DotLoading, ErrorBlock, List, NavBar, NoticeBar, Result, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { institutionIn, nameIn, type DemoUser } from '../api/types.js';
import type { AuthState } from '../auth/boot.js';
import { NO_CODE } from '../auth/dingtalk-env.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Everything before a session exists: signing in, the sandbox picker, "open in DingTalk", errors. */
export function LoginScreen({ state }: { state: Exclude<AuthState, { kind: 'signedIn' }> }) {
  const { t } = useI18n();
  return (
    <div className="screen">
      <NavBar back={null} right={<LanguageSwitch />}>
        {t('app.name')}
      </NavBar>
      <div className="screen-body">{body(state)}</div>
    </div>
  );
}

function body(state: Exclude<AuthState, { kind: 'signedIn' }>) {
  switch (state.kind) {
    case 'loading':
      return <Loading />;
    case 'picker':
      return <DemoUserPicker users={state.users} />;
    case 'openInDingTalk':
      return <OpenInDingTalk />;
    case 'error':
      return <LoginError code={state.code} />;
  }
}

function Loading() {
  const { t } = useI18n();
  return (
    <div className="centered" data-testid="login-loading">
      <DotLoading color="primary" />
      <div className="muted">{t('app.loading')}</div>
    </div>
  );
}

function DemoUserPicker({ users }: { users: DemoUser[] }) {
  const { t, lang } = useI18n();
  const { pickDemoUser } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const pick = async (userId: string) => {
    setBusy(userId);
    try {
      await pickDemoUser(userId);
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof ApiError && err.code === 'network' ? t('error.network') : t('login.failed') });
      setBusy(null);
    }
  };
  return (
    <div data-testid="demo-picker">
      <NoticeBar content={t('login.sandboxNote')} color="info" wrap />
      {users.length === 0 ? (
        <ErrorBlock status="empty" title={t('login.noUsers')} description="" />
      ) : (
        <List header={t('login.pick')}>
          {users.map((u) => (
            <List.Item
              key={u.userId}
              data-testid={`demo-user-${u.userId}`}
              description={[u.title, institutionIn(lang, u.institution)].filter(Boolean).join(' · ')}
              extra={busy === u.userId ? <DotLoading /> : <Tag color={u.verified ? 'success' : 'warning'} fill="outline">{t(u.verified ? 'me.verified' : 'me.unverified')}</Tag>}
              onClick={busy ? undefined : () => void pick(u.userId)}
              clickable
            >
              {nameIn(lang, u)}
              <OtherName name={lang === 'zh-HK' ? u.nameEn : u.nameZh} shown={nameIn(lang, u)} />
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** The name in the other script beside the main one (陳大文 · CHAN Tai-man), as colleagues know both. */
function OtherName({ name, shown }: { name: string | null; shown: string }) {
  return name && name !== shown ? <span className="muted"> {name}</span> : null;
}

function OpenInDingTalk() {
  const { t } = useI18n();
  return <Result data-testid="open-in-dingtalk" status="info" title={t('login.openInDingTalk.title')} description={t('login.openInDingTalk.body')} />;
}

/** What a refused sign-in says, by error code; anything else is the generic error. */
const LOGIN_ERROR_TEXT: Partial<Record<string, MessageKey>> = {
  network: 'error.network',
  'auth.invalid': 'login.codeRefused',
  'actor.suspended': 'login.suspended',
  [NO_CODE]: 'login.noCode',
};

function LoginError({ code }: { code: string }) {
  const { t } = useI18n();
  const { retry } = useSession();
  return (
    <div data-testid="login-error" data-error-code={code}>
      <Result status="error" title={t('login.failed')} description={t(LOGIN_ERROR_TEXT[code] ?? 'error.generic')} />
      <div className="padded">
        <Button block color="primary" onClick={retry}>
          {t('login.retry')}
        </Button>
      </div>
    </div>
  );
}
