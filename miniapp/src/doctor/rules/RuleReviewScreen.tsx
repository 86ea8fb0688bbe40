import { DotLoading, Selector } from 'antd-mobile';
import { useState } from 'react';
import type { RuleDto } from '../../../../src/contract/rule-review.js';
import { useApi } from '../../api/use-api.js';
import { ApiErrorBlock } from '../../screens/ApiErrorBlock.js';
import { DoctorPage } from '../DoctorPage.js';
import { RuleCard } from './RuleCard.js';
import { useRuleReviewI18n } from './rule-review-messages.js';

type Filter = 'all' | RuleDto['state']['status'];
const FILTERS: Filter[] = ['all', 'not_reviewed', 'reviewed', 'disabled'];

/**
 * /doctor/rules — a pharmacist reviews the interaction rule set (issue 13): the version, every rule with its
 * state, filtered by state; sign off, disable or re-enable with a reason. Others get the service's
 * refusal (403 rule.pharmacist_only) as a screen.
 */
export function RuleReviewScreen() {
  const { t } = useRuleReviewI18n();
  const load = useApi('ruleReviews', []);
  const [filter, setFilter] = useState<Filter>('not_reviewed');
  const list = load.data;
  const shown = list?.rules.filter((r) => filter === 'all' || r.state.status === filter) ?? [];
  const count = (f: Filter) => (f === 'all' ? list?.counts.total : list?.rules.filter((r) => r.state.status === f).length) ?? 0;
  return (
    <DoctorPage title={t('title')}>
      <div data-testid="rule-review">
        {!list && load.loading && <div className="centered"><DotLoading color="primary" /></div>}
        {!list && !load.loading && <ApiErrorBlock error={load.error} />}
        {list && (
          <div className="padded stack">
            <div data-testid="rule-version"><strong>{t('version').replace('{version}', list.version)}</strong></div>
            <div className="rule-counts" data-testid="rule-counts">
              {t('counts')
                .replace('{total}', String(list.counts.total))
                .replace('{reviewed}', String(list.counts.reviewed))
                .replace('{disabled}', String(list.counts.disabled))
                .replace('{notReviewed}', String(list.counts.notReviewed))}
            </div>
            <div className="hint">{t('scope')}</div>
            <div data-testid="rule-filter">
              <Selector
                options={FILTERS.map((f) => ({ label: <span data-testid={`rule-filter-${f}`}>{`${t(`filter.${f}`)} (${count(f)})`}</span>, value: f }))}
                value={[filter]}
                onChange={(v) => v[0] && setFilter(v[0])}
              />
            </div>
            {shown.length === 0 && <div className="hint" data-testid="rule-none">{t('none')}</div>}
            {shown.map((r) => <RuleCard key={r.id} rule={r} onChanged={load.reload} />)}
          </div>
        )}
      </div>
    </DoctorPage>
  );
}
