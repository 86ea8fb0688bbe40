import { DomainError } from '../../shared/errors.js';
import type { CaseStatus } from './cases-tables.js';

/**
 * A closed case is read-only: its team may still open what was shared, but nothing new goes in (no
 * share, access request, alert or burn message) until the attending re-opens it. Pure, so every
 * intent that adds to a case applies the same rule with the row it already holds.
 */
export function assertCaseOpen(c: { status?: CaseStatus; code?: string }): void {
  if (c.status === 'closed') throw new DomainError('case.closed', undefined, { details: { caseCode: c.code } });
}
