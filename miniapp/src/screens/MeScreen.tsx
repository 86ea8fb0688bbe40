import { Button, DotLoading, ErrorBlock, List, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { institutionIn, nameIn, readMe, type Me } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { isMessageKey } from '../i18n/messages.js';
import { navigate } from '../router.js';

type Load = { kind: 'loading' } | { kind: 'ok'; me: Me } | { kind: 'error'; code: string };

/** "Me": who the service thinks I am — the same directory entry the bot's `whoami` shows. */
export function MeScreen() {
  const { api } = useSession();
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api.call<unknown>('/api/me').then(
      (raw) => live && setLoad({ kind: 'ok', me: readMe(raw) }),
      (err: unknown) => live && setLoad({ kind: 'error', code: err instanceof ApiError ? err.code : 'internal' }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (load.kind === 'loading') return <div className="centered"><DotLoading color="primary" /></div>;
  if (load.kind === 'error') return <ErrorBlock status="default" title={t(load.code === 'network' ? 'error.network' : 'error.generic')} description="" />;
  return <MeCard me={load.me} />;
}

function MeCard({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const { env, switchUser } = useSession();
  const name = nameIn(lang, me);
  const other = lang === 'zh-HK' ? me.nameEn : me.nameZh;
  const roleKey = `role.${me.role ?? ''}`;
  return (
    <div data-testid="me">
      <div className="me-header">
        <div className="avatar" aria-hidden="true">{initial(me, lang)}</div>
        <div>
          <div className="me-name" data-testid="me-name">{name}</div>
          {other && other !== name ? <div className="muted">{other}</div> : null}
          <div className="me-badge"><VerificationBadge me={me} /></div>
        </div>
      </div>
      <List>
        <List.Item extra={institutionIn(lang, me.institution) || '—'}>{t('me.institution')}</List.Item>
        <List.Item extra={me.role ? (isMessageKey(roleKey) ? t(roleKey) : me.role) : '—'}>{t('me.role')}</List.Item>
        <List.Item extra={me.specialty ?? '—'}>{t('me.specialty')}</List.Item>
        <List.Item extra={me.registrationNo ?? '—'}>{t('me.registration')}</List.Item>
      </List>
      {!me.verified && !me.suspended ? <p className="hint" data-testid="unverified-hint">{t('me.unverifiedHint')}</p> : null}
      <div className="padded stack">
        {me.isAdmin ? (
          <Button block onClick={() => navigate('/admin')} data-testid="open-admin">
            {t('me.admin')}
          </Button>
        ) : null}
        {!env.inDingTalk ? (
          <Button block fill="outline" onClick={switchUser} data-testid="switch-user">
            {t('me.switchUser')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** The family name's first character in the UI's language: 陳 for 陳大文, C for "Dr CHAN Tai-man" (not the D of Dr). */
function initial(me: Me, lang: 'zh-HK' | 'en'): string {
  const latin = (me.nameEn ?? me.displayName).replace(/^(Dr|Prof|Mr|Ms|Mrs)\.?\s+/i, '');
  return ((lang === 'zh-HK' ? me.nameZh : null) ?? latin).slice(0, 1).toUpperCase();
}

function VerificationBadge({ me }: { me: Me }) {
  const { t } = useI18n();
  if (me.suspended) return <Tag color="danger" data-testid="badge">{t('me.suspended')}</Tag>;
  if (me.verified) return <Tag color="success" data-testid="badge">✓ {t('me.verified')}</Tag>;
  return <Tag color="warning" data-testid="badge">{t('me.unverified')}</Tag>;
}
