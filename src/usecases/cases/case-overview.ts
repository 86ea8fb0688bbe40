import type { CaseQueries, TeamMemberView } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { DocumentRepository, DocumentRow } from '../../domain/sharing/document-repository.js';
import { DomainError } from '../../shared/errors.js';

export interface CaseOverviewDeps {
  queries: Pick<CaseQueries, 'teamRoleNow' | 'caseForConversation' | 'teamOf'>;
  grants: Pick<GrantService, 'activeGrantFor'>;
  documents: Pick<DocumentRepository, 'listByCase'>;
}

/** A case as chat shows it: the case, its care team now, its documents, and the viewer's own role. */
export interface CaseOverview {
  caseRow: CaseRow;
  team: TeamMemberView[];
  documents: DocumentRow[];
  /** The viewer's strongest role on the team now; '' when they see it as a group member or by break-glass. */
  myRole: CareRole | '';
}

/**
 * Who may see a case's team and document list. It holds no patient data, but it is still case-scoped:
 * members of the care team, anyone asking from a group bound to the case (`fromGroup`: that group's
 * conversation id), and a clinician holding live break-glass access on the case. Others: `access.denied`.
 * Trust (verified, not suspended) is the caller's to check before.
 */
export async function caseOverview(deps: CaseOverviewDeps, viewerId: string, caseRow: CaseRow, fromGroup?: string): Promise<CaseOverview> {
  const myRole = await deps.queries.teamRoleNow(caseRow.id, viewerId);
  if (!(await mayView(deps, viewerId, caseRow, myRole, fromGroup))) throw new DomainError('access.denied');
  const team = await deps.queries.teamOf(caseRow.id);
  const documents = await deps.documents.listByCase(caseRow.id);
  return { caseRow, team, documents, myRole };
}

async function mayView(deps: CaseOverviewDeps, viewerId: string, c: CaseRow, myRole: CareRole | '', fromGroup: string | undefined): Promise<boolean> {
  if (myRole !== '') return true;
  if (fromGroup !== undefined && (await deps.queries.caseForConversation(fromGroup))?.id === c.id) return true;
  const live = await deps.grants.activeGrantFor(viewerId, '', c.id);
  return live.hasBreakGlass || live.hasConsult;
}
