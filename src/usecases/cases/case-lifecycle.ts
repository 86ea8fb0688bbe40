import type { CaseLifecycle } from '../../domain/cases/case-lifecycle.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseStatus } from '../../domain/cases/cases-tables.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { Actor } from '../../domain/directory/directory-service.js';
import type { GrantNotices } from '../grants/grant-ports.js';

/** The team hears that the case was closed or re-opened (1:1, the case code and who, nothing else). */
export interface CaseStatusNotices {
  caseStatusChanged(n: { caseCode: string; by: ClinicianRow; status: CaseStatus; to: readonly ClinicianRow[]; at: number }): Promise<void>;
}

export interface CaseLifecycleDeps {
  lifecycle: Pick<CaseLifecycle, 'setStatus'>;
  cases: Pick<CaseQueries, 'teamOf'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  notices: CaseStatusNotices & GrantNotices;
}

export interface CaseStatusChange {
  caseCode: string;
  status: CaseStatus;
  /** Live grants that ended with the close (each grantee was told). */
  grantsEnded: number;
}

/**
 * `close C-…` / `reopen C-…` and the case screen's button: the attending closes a case (read-only: no
 * share, request, alert or burn; live grants end) or re-opens it. Then the rest of the team, and
 * everyone whose grant ended, is told 1:1.
 */
export async function setCaseStatus(deps: CaseLifecycleDeps, actor: Actor, caseCode: string, status: CaseStatus): Promise<CaseStatusChange> {
  const me = actor.clinician;
  const out = await deps.lifecycle.setStatus(actor, caseCode, status);
  const code = out.caseRow.code;
  const team: ClinicianRow[] = [];
  for (const m of await deps.cases.teamOf(out.caseRow.id)) {
    const row = m.clinicianId !== me.id && !team.some((t) => t.id === m.clinicianId) ? await deps.directory.findById(m.clinicianId) : undefined;
    if (row) team.push(row);
  }
  await deps.notices.caseStatusChanged({ caseCode: code, by: me, status, to: team, at: out.at });
  for (const id of new Set(out.ended.map((g) => g.clinicianId))) {
    const grantee = await deps.directory.findById(id);
    const requestIds = out.ended.flatMap((g) => (g.clinicianId === id && g.requestId ? [g.requestId] : []));
    if (grantee) await deps.notices.grantEnded({ grantee, by: me, caseCode: code, cause: 'case_closed', at: out.at, requestIds });
  }
  return { caseCode: code, status, grantsEnded: out.ended.length };
}
