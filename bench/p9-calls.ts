import { encodePageCursor } from '../src/usecases/cases/cases-cursor.js';
import { encodeActionCursor } from '../src/usecases/mdt/my-mdt-actions.js';
import { encodeNameCursor } from '../src/domain/directory/clinician-tokens.js';
import { BUSY_CLINICIAN_CASES, P9_PEOPLE, caseCode, clinicianNames, docCaseOf, teamOf, userId, type P9Size } from './p9-seed.js';

/** One HTTP call P9 times, as a caller of the service makes it. */
export interface P9Call {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** DingTalk user id of the caller, and which token: the mini-app's or the console's. */
  as: string;
  token: 'app' | 'admin';
  body?: unknown;
}

const DAY = 86_400_000;

/** Who P9's calls are made as: the typical and busy clinicians, the busy case's attending, the privacy officer and the admin. */
export function p9Users(size: P9Size): string[] {
  return [P9_PEOPLE.typical, P9_PEOPLE.busy, P9_PEOPLE.officer, P9_PEOPLE.admin, userId(teamOf(0, size.clinicians).attending)];
}

/** The measured calls at a size (issue 15 item 1), by the same deterministic names the seed used. */
export function p9Calls(size: P9Size, ids: Record<string, { id: string }>, now: number): P9Call[] {
  const typicalIdx = Number(P9_PEOPLE.typical.slice('p9-u-'.length));
  // A case the typical clinician attends, and a document on it (the view-token decision).
  let typicalCase = 1;
  while (teamOf(typicalCase, size.clinicians).attending !== typicalIdx) typicalCase++;
  // Its newest live document: an old one may be past retention (a year), which the decision refuses.
  let doc = size.documents - 1;
  while (docCaseOf(doc, size.cases) !== typicalCase || doc % 20 === 19) doc--;
  const busyAttending = userId(teamOf(0, size.clinicians).attending);
  const actor = ids[P9_PEOPLE.typical]!.id;
  const weekAgo = new Date(now - 7 * DAY).toISOString();
  const twoWeeksAgo = new Date(now - 14 * DAY).toISOString();
  // A keyset page further down the MDT lists (issue 14): the cursor of a row a day ahead.
  const mdtCursor = encodePageCursor({ at: now + DAY, id: 'zzzz' });
  // "My MDT actions" (issue 15): further down the open run (due a day ahead), and into the done run.
  const openCursor = encodeActionCursor('due', { id: 'zzzz', dueAt: now + DAY, doneAt: null });
  const doneCursor = encodeActionCursor('done', { id: 'zzzz', dueAt: null, doneAt: now - DAY });
  // The console's directory (issue 15): a page further down by name, and searches by the typical clinician's names.
  const names = clinicianNames(typicalIdx);
  const directoryCursor = encodeNameCursor({ name: 'Dr P9 5', id: 'zzzz' });
  return [
    { name: 'inbox, typical clinician', method: 'GET', path: '/api/app/inbox', as: P9_PEOPLE.typical, token: 'app' },
    { name: `inbox, clinician on ${BUSY_CLINICIAN_CASES} cases`, method: 'GET', path: '/api/app/inbox', as: P9_PEOPLE.busy, token: 'app' },
    { name: 'case view, busy case', method: 'GET', path: `/api/app/cases/${caseCode(0)}`, as: busyAttending, token: 'app' },
    { name: 'my cases, list', method: 'GET', path: '/api/app/cases', as: P9_PEOPLE.typical, token: 'app' },
    { name: 'my cases, search by code', method: 'GET', path: `/api/app/cases?q=${caseCode(typicalCase)}`, as: P9_PEOPLE.typical, token: 'app' },
    // Every live document I may open now, newest first (the P3 listing over the database's facts): a page, decided by the policy.
    { name: 'documents I may open, typical clinician', method: 'GET', path: '/api/app/documents', as: P9_PEOPLE.typical, token: 'app' },
    { name: `documents I may open, clinician on ${BUSY_CLINICIAN_CASES} cases`, method: 'GET', path: '/api/app/documents', as: P9_PEOPLE.busy, token: 'app' },
    { name: 'view-token decision', method: 'POST', path: `/api/app/documents/doc-${doc}/view-token`, as: P9_PEOPLE.typical, token: 'app' },
    { name: 'audit browser, by user', method: 'GET', path: `/api/admin/audit?actor=${encodeURIComponent(actor)}`, as: P9_PEOPLE.officer, token: 'admin' },
    { name: 'audit browser, by target', method: 'GET', path: `/api/admin/audit?target=doc-${doc}`, as: P9_PEOPLE.officer, token: 'admin' },
    { name: 'audit browser, last 7 days', method: 'GET', path: `/api/admin/audit?from=${encodeURIComponent(weekAgo)}`, as: P9_PEOPLE.officer, token: 'admin' },
    // A week between two dates, an action nobody took (the worst case for a walk down the log), denials.
    { name: 'audit browser, a week two weeks ago', method: 'GET', path: `/api/admin/audit?from=${encodeURIComponent(twoWeeksAgo)}&to=${encodeURIComponent(weekAgo)}`, as: P9_PEOPLE.officer, token: 'admin' },
    { name: 'audit browser, an action never taken', method: 'GET', path: '/api/admin/audit?action=patient.merged', as: P9_PEOPLE.officer, token: 'admin' },
    { name: 'audit browser, denials', method: 'GET', path: '/api/admin/audit?outcome=denied', as: P9_PEOPLE.officer, token: 'admin' },
    { name: 'dashboard, 7 days', method: 'GET', path: '/api/admin/dashboard?days=7', as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'dashboard, 30 days', method: 'GET', path: '/api/admin/dashboard?days=30', as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'referral stats, 7 days', method: 'GET', path: '/api/admin/referrals/stats?days=7', as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'referral stats, 30 days', method: 'GET', path: '/api/admin/referrals/stats?days=30', as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'case MDT meetings', method: 'GET', path: `/api/app/cases/${caseCode(typicalCase)}/mdt`, as: P9_PEOPLE.typical, token: 'app' },
    { name: 'case MDT meetings, next page', method: 'GET', path: `/api/app/cases/${caseCode(typicalCase)}/mdt?cursor=${mdtCursor}`, as: P9_PEOPLE.typical, token: 'app' },
    { name: 'my MDT actions', method: 'GET', path: '/api/app/mdt-actions', as: P9_PEOPLE.typical, token: 'app' },
    { name: 'my MDT actions, next page', method: 'GET', path: `/api/app/mdt-actions?cursor=${openCursor}&limit=20`, as: P9_PEOPLE.typical, token: 'app' },
    { name: 'my MDT actions, next page of done ones', method: 'GET', path: `/api/app/mdt-actions?cursor=${doneCursor}&limit=20`, as: P9_PEOPLE.typical, token: 'app' },
    { name: 'my MDT action counts', method: 'GET', path: '/api/app/mdt-actions/counts', as: P9_PEOPLE.typical, token: 'app' },
    { name: 'console MDT meetings', method: 'GET', path: '/api/admin/mdt', as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'console MDT meetings, in approval, next page', method: 'GET', path: `/api/admin/mdt?status=in_approval&cursor=${mdtCursor}`, as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'console clinicians, list', method: 'GET', path: '/api/admin/clinicians', as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'console clinicians, next page', method: 'GET', path: `/api/admin/clinicians?cursor=${directoryCursor}`, as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'console clinicians, search by an English name word', method: 'GET', path: `/api/admin/clinicians?q=${names.given}`, as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'console clinicians, search by a Chinese name', method: 'GET', path: `/api/admin/clinicians?q=${encodeURIComponent(names.nameZh)}`, as: P9_PEOPLE.admin, token: 'admin' },
    { name: 'data access report', method: 'POST', path: '/api/admin/reports/data-access', as: P9_PEOPLE.officer, token: 'admin', body: { caseCode: caseCode(typicalCase), reason: 'data_access_request' } },
  ];
}
