import { Button, Dialog, List, NoticeBar, Toast } from 'antd-mobile';
import { ApiError } from '../../api/api-error.js';
import { useApi, useEndpoints } from '../../api/use-api.js';
import { personName, type CaseView } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { useGrantI18n } from './grant-messages.js';

const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : 'other');

/**
 * The case screen's grant and status part: a closed case says so; a non-member is told why there is
 * no Share / Burn / Alert (and, for a doctor, how break-glass works); the team sees who holds access
 * from outside it, with [Revoke] where they may; the attending closes or re-opens the case.
 */
export function CaseGrantsPanel({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t, errorText } = useGrantI18n();
  const ep = useEndpoints();
  const me = useApi('me', []);
  const member = view.myCareRole !== null;
  const closed = view.status === 'closed';

  async function act(confirm: string | null, run: () => Promise<unknown>, done: string) {
    if (confirm && !(await Dialog.confirm({ content: confirm }))) return;
    try {
      await run();
      Toast.show({ content: done });
      onChanged();
    } catch (e) {
      Toast.show({ content: errorText(codeOf(e)) });
    }
  }

  return (
    <div data-testid="case-grants-panel">
      {closed && <NoticeBar data-testid="case-closed-note" color="alert" content={t('case.closedNote')} wrap />}
      {!member && (
        <div className="padded hint" data-testid="case-not-member">
          <div>{t('case.notMember')}</div>
          {me.data?.role === 'doctor' && <div data-testid="case-breakglass-hint">{t('case.breakGlassHint').replace('{code}', view.code)}</div>}
        </div>
      )}
      {member && <GrantList code={view.code} act={act} />}
      {view.myCareRole === 'attending' && (
        <div className="padded">
          {closed ? (
            <Button block size="small" color="primary" fill="outline" data-testid="case-reopen" onClick={() => void act(null, () => ep.setCaseStatus(view.code, { status: 'open' }), t('case.reopened'))}>{t('case.reopen')}</Button>
          ) : (
            <Button block size="small" color="danger" fill="outline" data-testid="case-close" onClick={() => void act(t('case.closeConfirm'), () => ep.setCaseStatus(view.code, { status: 'closed' }), t('case.closed'))}>{t('case.close')}</Button>
          )}
        </div>
      )}
    </div>
  );
}

type Act = (confirm: string | null, run: () => Promise<unknown>, done: string) => Promise<void>;

function GrantList({ code, act }: { code: string; act: Act }) {
  const { t, lang } = useGrantI18n();
  const ep = useEndpoints();
  const load = useApi('caseGrants', [code]);
  const grants = load.data ?? [];
  return (
    <List header={t('grants.title')} data-testid="case-grants">
      {load.data && grants.length === 0 && <List.Item>{t('grants.none')}</List.Item>}
      {grants.map((g) => (
        <List.Item
          key={g.grantId}
          data-testid="case-grant"
          description={`${g.kind === 'break_glass' ? `${t('grants.breakGlass')} · ` : ''}${t('grants.until')} ${hkTime(g.expiresAt)}`}
          extra={g.mayRevoke && (
            <Button size="mini" color="danger" fill="outline" data-testid="grant-revoke" onClick={() => void act(t('grants.revokeConfirm'), () => ep.revokeGrant(g.grantId), t('grants.revoked')).then(load.reload)}>{t('grants.revoke')}</Button>
          )}
        >
          {personName(lang, g.grantee)}
        </List.Item>
      ))}
    </List>
  );
}
