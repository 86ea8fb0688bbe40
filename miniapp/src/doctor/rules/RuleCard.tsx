import { Button, Card, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import type { RuleDto } from '../../../../src/contract/rule-review.js';
import { errorLine } from '../../api/error-words.js';
import { useEndpoints } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { personName } from '../doctor-api.js';
import { hkTime } from '../doctor-messages.js';
import { useRuleReviewI18n } from './rule-review-messages.js';

const SEVERITY_COLOR = { contraindicated: 'danger', major: 'warning', moderate: 'default' } as const;
type Asking = 'disable' | 'enable' | null;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

function Side({ side }: { side: RuleDto['a'] }) {
  const { t } = useRuleReviewI18n();
  return (
    <div className="rule-side">
      {side.map((s) => (
        <div key={s.label}>
          <strong>{s.label}</strong>
          {s.classId && <div className="rule-muted">{t('members')}: {s.members.join(', ')}</div>}
        </div>
      ))}
    </div>
  );
}

function StateLine({ state }: { state: RuleDto['state'] }) {
  const { t, lang } = useRuleReviewI18n();
  const lines: string[] = [];
  if (state.disabled) lines.push(fill(t('state.disabled'), { name: personName(lang, state.disabled.by), at: hkTime(state.disabled.at), reason: state.disabled.reason }));
  if (state.signedOff) lines.push(fill(t('state.reviewed'), { name: personName(lang, state.signedOff.by), at: hkTime(state.signedOff.at) }));
  if (state.enabled) lines.push(fill(t('state.enabled'), { name: personName(lang, state.enabled.by), at: hkTime(state.enabled.at), reason: state.enabled.reason }));
  if (lines.length === 0) lines.push(t('state.not_reviewed'));
  if (state.staleFrom) lines.push(fill(t('state.stale'), { version: state.staleFrom }));
  return (
    <div className={`rule-state rule-state-${state.status}`} data-testid="rule-state" data-status={state.status}>
      {lines.map((l) => <div key={l}>{l}</div>)}
    </div>
  );
}

/** One rule: what it says, its review state, and the pharmacist's actions on it. */
export function RuleCard({ rule, onChanged }: { rule: RuleDto; onChanged: () => void }) {
  const { t } = useRuleReviewI18n();
  const app = useI18n();
  const ep = useEndpoints();
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(what: 'signOff' | 'disable' | 'enable') {
    setBusy(true);
    setError(null);
    try {
      if (what === 'signOff') await ep.signOffRule(rule.id);
      else if (what === 'disable') await ep.disableRule(rule.id, reason);
      else await ep.enableRule(rule.id, reason);
      Toast.show({ content: t(`done.${what}`) });
      setAsking(null);
      setReason('');
      onChanged();
    } catch (e) {
      setError(errorLine(e, app.t));
    } finally {
      setBusy(false);
    }
  }

  const status = rule.state.status;
  return (
    <Card className="rule-card" data-testid={`rule-${rule.id}`}>
      <div className="rule-head">
        <Tag color={SEVERITY_COLOR[rule.severity]}>{t(`severity.${rule.severity}`)}</Tag>
        {rule.onc !== null && <Tag fill="outline">{fill(t('onc'), { n: String(rule.onc) })}</Tag>}
        <span className="rule-muted rule-id">{rule.id}</span>
      </div>
      <div className="rule-pair">
        <Side side={rule.a} />
        <div className="rule-muted">{t('with')}</div>
        <Side side={rule.b} />
      </div>
      <dl className="rule-text">
        <dt>{t('mechanism')}</dt>
        <dd>{rule.mechanism}</dd>
        <dt>{t('action')}</dt>
        <dd>{rule.action}</dd>
        {rule.alternatives.length > 0 && <dt>{t('alternatives')}</dt>}
        {rule.alternatives.length > 0 && <dd><ul>{rule.alternatives.map((a) => <li key={a}>{a}</li>)}</ul></dd>}
        <dt>{t('citations')}</dt>
        <dd><ul>{rule.citations.map((c) => <li key={c}>{c}</li>)}</ul></dd>
      </dl>
      <StateLine state={rule.state} />
      {asking && (
        <div className="rule-reason">
          <TextArea data-testid="rule-reason" placeholder={t(`reason.${asking}`)} value={reason} onChange={setReason} maxLength={500} rows={2} showCount />
        </div>
      )}
      {error && <div className="rule-error" role="alert" data-testid="rule-error">{error}</div>}
      <div className="rule-actions">
        {asking ? (
          <>
            <Button size="small" color="primary" loading={busy} onClick={() => void run(asking)} data-testid="rule-confirm">{t('confirm')}</Button>
            <Button size="small" onClick={() => { setAsking(null); setError(null); }}>{t('cancel')}</Button>
          </>
        ) : (
          <>
            {status === 'not_reviewed' && <Button size="small" color="primary" loading={busy} onClick={() => void run('signOff')} data-testid="rule-sign-off">{t('signOff')}</Button>}
            {status !== 'disabled' && <Button size="small" color="danger" fill="outline" onClick={() => setAsking('disable')} data-testid="rule-disable">{t('disable')}</Button>}
            {status === 'disabled' && <Button size="small" color="primary" fill="outline" onClick={() => setAsking('enable')} data-testid="rule-enable">{t('enable')}</Button>}
          </>
        )}
      </div>
    </Card>
  );
}
