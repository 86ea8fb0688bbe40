import { ApiErrorBlock } from './ApiErrorBlock.js';
import { Button, DotLoading, List, Tag } from 'antd-mobile';
import { useApi } from '../api/use-api.js';
import { institutionIn, nameIn, readMe, specialtyIn, type Me } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { isMessageKey } from '../i18n/messages.js';
import { useNavigate } from 'react-router';

/** "Me": who the service thinks I am — the same directory entry the bot's `whoami` shows. */
export function MeScreen() {
  const load = useApi('me', []);
  if (load.loading && !load.data) return <div className="centered"><DotLoading color="primary" /></div>;
  if (!load.data) return <ApiErrorBlock error={load.error} />;
  return <MeCard me={readMe(load.data)} />;
}

function MeCard({ me }: { me: Me }) {
  const navigate = useNavigate();
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
        <List.Item extra={me.specialty ? specialtyIn(lang, me.specialty) : '—'}>{t('me.specialty')}</List.Item>
        <List.Item extra={me.registrationNo ?? '—'}>{t('me.registration')}</List.Item>
      </List>
      {!me.verified && !me.suspended ? <p className="hint" data-testid="unverified-hint">{t('me.unverifiedHint')}</p> : null}
      <div className="padded stack">
        {me.role === 'pharmacist' ? (
          <Button block color="primary" fill="outline" onClick={() => navigate('/doctor/rules')} data-testid="open-rules">
            {t('me.rules')}
          </Button>
        ) : null}
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
