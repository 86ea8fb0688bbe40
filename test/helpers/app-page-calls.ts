import type { P9Call } from '../../bench/p9-calls.js';
import { P9_PEOPLE, caseCode, teamOf, userId, type P9Size } from '../../bench/p9-seed.js';
import type { FormMapping } from '../../src/contract/yida.js';
import { encodePageCursor } from '../../src/usecases/cases/cases-cursor.js';
import { encodeTimeCursor } from '../../src/shared/time-cursor.js';

/** The mini-app's paged lists past their first page: the inbox's lists and a case's documents, by cursor (issue 15 item 2). */
export const APP_PAGED_LISTS = ['/api/app/documents', '/api/app/inbox/documents', '/api/app/inbox/to-decide', '/api/app/inbox/my-requests', '/api/app/inbox/burn', '/api/app/inbox/alerts', '/api/app/inbox/escalations'];

/** Two Yida forms asking an approver (the attending's, the privacy officer's), so the plan tests plan the inbox's forms waiting for approval. */
export const APPROVAL_FORMS: FormMapping[] = (['attending', 'privacy_officer'] as const).map((approval) => ({
  formUuid: `FORM-PLAN-${approval}`, name: approval, recordType: 'plan_check', approval, readCategory: 'care_team', documentType: 'form', updatedAt: 1, updatedBy: 'plans',
  fields: { patientHkid: 'textField_h', medications: [], problems: [], freeText: [], flags: [], results: [] },
}));

/**
 * The next-page calls the query-plan tests add to bench P9's (which load first pages only): each list
 * with a cursor, so the keyset condition is planned too, as the typical and the busy clinician; the
 * busy case's documents as its attending.
 */
export function appPageCalls(size: P9Size, now: number): P9Call[] {
  const cursor = encodePageCursor({ at: now, id: 'zzzzzzzz' });
  const next = (path: string, as: string): P9Call => ({ name: `${path}, next page`, method: 'GET', path: `${path}?cursor=${cursor}&limit=20`, as, token: 'app' });
  return [
    ...[P9_PEOPLE.typical, P9_PEOPLE.busy].flatMap((as) => APP_PAGED_LISTS.map((path) => next(path, as))),
    next(`/api/app/cases/${caseCode(0)}/documents`, userId(teamOf(0, size.clinicians).attending)),
    ...caseListCalls(size, now),
    // Forms waiting for approval (APPROVAL_FORMS): an attending's first and next pages, and a privacy officer's.
    ...[P9_PEOPLE.typical, P9_PEOPLE.officer].flatMap((as) => [{ ...next('/api/app/yida/submissions/pending', as), path: '/api/app/yida/submissions/pending', name: 'forms waiting for approval' }, next('/api/app/yida/submissions/pending', as)]),
  ];
}

/** A case's own lists on the case screens (referrals, medications, interaction alerts, rules fired on results): the first page, and a next page from the first run (so each run's seek is planned). */
const CASE_LISTS = [['/api/cases', 'referrals', 'all'], ['/api/cases', 'medications', 'active'], ['/api/cases', 'interaction-alerts', 'open'], ['/api/app/cases', 'consult-triggers', 'all']] as const;

function caseListCalls(size: P9Size, now: number): P9Call[] {
  const as = userId(teamOf(0, size.clinicians).attending);
  return CASE_LISTS.flatMap(([root, list, run]) => {
    const path = `${root}/${caseCode(0)}/${list}`;
    const cursor = encodeTimeCursor({ at: now, id: `${run}:zzzzzzzz` });
    return [
      { name: `${path}, first page`, method: 'GET', path, as, token: 'app' } as const,
      { name: `${path}, next page`, method: 'GET', path: `${path}?cursor=${cursor}&limit=20`, as, token: 'app' } as const,
    ];
  });
}
