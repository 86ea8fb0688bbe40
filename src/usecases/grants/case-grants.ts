import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { GrantKind } from '../../domain/grants/grants-tables.js';
import { DomainError } from '../../shared/errors.js';
import { mayRevoke, type RevokeGrantDeps } from './revoke-grant.js';

export interface CaseGrant {
  grantId: string;
  kind: GrantKind;
  documentId: string | null;
  granteeId: string;
  createdAt: number;
  expiresAt: number;
  /** Whether I may end it now (the attending: any; an approver: the grants they approved). */
  mayRevoke: boolean;
}

/**
 * Who holds live access to a case from outside its team, for the case screen's revoke buttons. Only
 * for a current member of the care team; anyone else is access.denied.
 */
export async function listCaseGrants(deps: RevokeGrantDeps & { cases: Pick<CaseQueries, 'findCase' | 'teamRoleNow'> }, me: ClinicianRow, caseCode: string): Promise<CaseGrant[]> {
  const c = await deps.cases.findCase(caseCode);
  if (!(await deps.cases.teamRoleNow(c.id, me.id))) throw new DomainError('access.denied');
  const out: CaseGrant[] = [];
  for (const g of await deps.grants.liveOnCase(c.id, deps.clock.now())) {
    out.push({ grantId: g.id, kind: g.kind, documentId: g.documentId, granteeId: g.clinicianId, createdAt: g.createdAt, expiresAt: g.expiresAt, mayRevoke: await mayRevoke(deps, me, g) });
  }
  return out;
}
