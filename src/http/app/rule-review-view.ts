import type { PersonDto } from '../../contract/doctor.js';
import type { RuleDto } from '../../contract/rule-review.js';
import type { Citation } from '../../domain/clinical/interaction-rule-schema.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { RuleReviewList, RuleWithState } from '../../usecases/clinical/review-rules.js';
import { personOf } from './people.js';

type RuleSetView = RuleReviewList['ruleSet'];
type People = Pick<DirectoryRepository, 'findById' | 'institution'>;

/** A citation as one line a pharmacist can look up offline. */
export function citationText(c: Citation): string {
  if ('pmid' in c) return `PMID ${c.pmid}${c.note ? ` — ${c.note}` : ''}`;
  if ('label' in c) return `Product label: ${c.label} (${c.jurisdiction}), ${c.section}`;
  if ('regulator' in c) return `${c.regulator}: ${c.title} (${c.date})`;
  return c.article;
}

function side(set: RuleSetView, members: readonly string[]): RuleDto['a'] {
  return members.map((m) => {
    if (!m.startsWith('@')) return { classId: null, label: m, members: [m] };
    const id = m.slice(1);
    return { classId: id, label: set.classLabels.get(id) ?? id, members: [...(set.classes.get(id) ?? [])].sort() };
  });
}

/** A rule and its review state as the page shows it: reviewers by name (looked up once per request). */
export function ruleViews(people: People) {
  const seen = new Map<string, Promise<PersonDto>>();
  const person = (id: string) => {
    let p = seen.get(id);
    if (!p) seen.set(id, (p = personOf(people, id)));
    return p;
  };
  return async (set: RuleSetView, { rule, state }: RuleWithState): Promise<RuleDto> => ({
    id: rule.id,
    onc: rule.onc ?? null,
    areas: rule.areas,
    a: side(set, rule.a),
    b: side(set, rule.b),
    severity: rule.severity,
    mechanism: rule.mechanism,
    action: rule.action,
    alternatives: rule.alternatives,
    citations: rule.citations.map(citationText),
    state: {
      status: state.status,
      staleFrom: state.staleFrom,
      signedOff: state.signedOff && { by: await person(state.signedOff.by), at: state.signedOff.at },
      disabled: state.disabled && { ...state.disabled, by: await person(state.disabled.by) },
      enabled: state.enabled && { ...state.enabled, by: await person(state.enabled.by) },
    },
  });
}
