import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { GrantRow } from '../../domain/grants/grant-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { GrantNotices } from './grant-ports.js';
import type { RevokeReason } from '../../contract/grant-revoke-reasons.js';

export interface RevokeGrantDeps {
  grants: Pick<GrantService, 'find' | 'liveOnCase' | 'end'>;
  cases: Pick<CaseQueries, 'teamRoleNow'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  approvals: Pick<ApprovalService, 'get'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  audit: AuditSink;
  clock: Clock;
  notices: GrantNotices;
}

export interface Revoked {
  caseCode: string;
  grantee: ClinicianRow;
  /** How many live grants ended (one per document, plus break-glass). */
  ended: number;
}

/** The case's attending may end any live grant on it; whoever approved an approval grant may end that one. */
export async function mayRevoke(deps: RevokeGrantDeps, actor: ClinicianRow, g: GrantRow): Promise<boolean> {
  if ((await deps.cases.teamRoleNow(g.caseId, actor.id)) === 'attending') return true;
  if (g.kind !== 'approval' || !g.requestId) return false;
  const req = await deps.approvals.get(g.requestId);
  return req.steps.some((s) => s.deciderId === actor.id && s.decision === 'approve');
}

/**
 * Ends `live` (all of one grantee on one case) if `actor` may end each; audited with `cause` as the
 * reason code, the grantee told 1:1.
 */
async function endGrants(deps: RevokeGrantDeps, actor: ClinicianRow, caseId: string, live: readonly GrantRow[], may = mayRevoke, cause = 'revoked'): Promise<Revoked> {
  const caseCode = (await deps.casesRepo.caseById(caseId))?.code ?? '';
  if (live.length === 0) throw new DomainError('grant.none_live');
  const allowed: GrantRow[] = [];
  for (const g of live) if (await may(deps, actor, g)) allowed.push(g);
  if (allowed.length === 0) {
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.grantRevoked, target: caseCode, outcome: 'denied', reason: 'not_attending_or_approver' });
    throw new DomainError('access.denied');
  }
  const now = deps.clock.now();
  const ended = await deps.grants.end(allowed, actor.id, cause, now);
  if (ended.length === 0) throw new DomainError('grant.none_live');
  const grantee = await deps.directory.findById(ended[0]!.clinicianId);
  const requestIds = ended.flatMap((g) => (g.requestId ? [g.requestId] : []));
  if (grantee) await deps.notices.grantEnded({ grantee, by: actor, caseCode, cause: 'revoked', at: now, requestIds });
  return { caseCode, grantee: grantee!, ended: ended.length };
}

/**
 * `revoke C-… @Dr X` (and the console's per-person action): ends every live grant the grantee holds on
 * the case that the actor may end. At once: the next view (or view token) is decided again and refused.
 */
export async function revokeGrantsOf(deps: RevokeGrantDeps, actor: ClinicianRow, caseId: string, granteeId: string): Promise<Revoked> {
  const live = (await deps.grants.liveOnCase(caseId, deps.clock.now())).filter((g) => g.clinicianId === granteeId);
  return endGrants(deps, actor, caseId, live);
}

/** The decided card's [Revoke] and the mini-app's button: ends one grant. */
export async function revokeGrant(deps: RevokeGrantDeps, actor: ClinicianRow, grantId: string, may = mayRevoke, cause = 'revoked'): Promise<Revoked> {
  const g = await deps.grants.find(grantId);
  if (!g) throw new DomainError('grant.none_live');
  const now = deps.clock.now();
  return endGrants(deps, actor, g.caseId, g.revokedAt === null && g.expiresAt > now ? [g] : [], may, cause);
}

/** Only a privacy officer may end a grant from the console (any case; not a member of its team). */
const officerMay = async (_deps: RevokeGrantDeps, actor: ClinicianRow): Promise<boolean> => actor.role === 'privacy_officer';

/**
 * The console's [Revoke] (`grant.revoke`, privacy officer): ends one live grant, audited (reason
 * `revoked:<why>`, a code from the closed list) and told like the others.
 */
export function revokeGrantAsOfficer(deps: RevokeGrantDeps, officer: ClinicianRow, grantId: string, reason: RevokeReason): Promise<Revoked> {
  return revokeGrant(deps, officer, grantId, officerMay, `revoked:${reason}`);
}
