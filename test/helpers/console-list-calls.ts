import type { P9Call } from '../../bench/p9-calls.js';
import { P9_PEOPLE } from '../../bench/p9-seed.js';
import { encodeNameCursor } from '../../src/domain/directory/clinician-tokens.js';
import { encodeTimeCursor } from '../../src/shared/time-cursor.js';

/**
 * The console's keyset-paged lists (issue 15 item 2), first pages and next pages, as the console
 * asks for them: the query-plan tests drive these beside bench P9's calls, so each list's page and
 * its per-state counts are planned too. Cursors point just after "now", so a next page reads rows.
 */
export function consoleListCalls(now: number): P9Call[] {
  const later = encodeTimeCursor({ at: now + 60_000, id: 'zzzz' });
  const admin = (name: string, path: string): P9Call => ({ name, method: 'GET', path, as: P9_PEOPLE.admin, token: 'admin' });
  return [
    admin('audit browser, next page', '/api/admin/audit?limit=50&before=1000000'),
    admin('audit browser by user, next page', `/api/admin/audit?actor=${encodeURIComponent(P9_PEOPLE.typical)}&before=1000000`),
    admin('inbound dead letters, first page', '/api/admin/inbound?state=dead'),
    admin('inbound done, next page', `/api/admin/inbound?state=done&cursor=${later}`),
    admin('outbox sent, first page', '/api/admin/outbox?status=sent'),
    admin('outbox sent, next page', '/api/admin/outbox?status=sent&cursor=1000000'),
    admin('approvals pending, first page', '/api/admin/approvals?status=pending'),
    admin('approvals approved, next page', `/api/admin/approvals?status=approved&cursor=${later}`),
    admin('break-glass reviews pending, first page', '/api/admin/breakglass?status=pending'),
    admin('break-glass reviews approved, next page', `/api/admin/breakglass?status=approved&cursor=${later}`),
    admin('live grants, next page', `/api/admin/grants?after=${now}:zzzz`),
    admin('form submissions waiting, first page', '/api/admin/forms/submissions?state=waiting'),
    admin('form submissions filed, next page', `/api/admin/forms/submissions?state=filed&cursor=${later}`),
    admin('referrals needing attention, first page', '/api/admin/referrals/attention'),
    admin('referrals needing attention, next page', `/api/admin/referrals/attention?cursor=${later}`),
    admin('clinicians unverified, next page', `/api/admin/clinicians?unverified=true&cursor=${encodeNameCursor({ name: 'Dr P9 1', id: 'a' })}`),
    admin('clinicians, a picker searching two words, active only, next page', `/api/admin/clinicians?active=true&limit=20&q=dr%20p9&cursor=${encodeNameCursor({ name: 'dr', id: 'a' })}`),
    admin('clinicians, a picker searching a Chinese run', `/api/admin/clinicians?active=true&q=${encodeURIComponent('大文')}`),
    admin('clinicians, the case-team picker (verified, active)', '/api/admin/clinicians?verified=true&active=true&limit=50'),
    admin('people picker, by name', '/api/admin/people?q=p9'),
    admin('people picker, next page', `/api/admin/people?cursor=${encodeNameCursor({ name: 'Dr P9 1', id: 'a' })}`),
  ];
}
