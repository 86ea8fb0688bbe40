import type { CaseAdmin } from '../../domain/cases/case-admin.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseGroupRow } from '../../domain/cases/cases-repository.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { peopleNames } from './people-names.js';

export interface CaseGroupDeps {
  caseAdmin: Pick<CaseAdmin, 'groups' | 'bindGroup' | 'unbindGroup'>;
  cases: Pick<CaseQueries, 'findCase'>;
  /** Who bound each group, by name (the console never shows a person as an id). */
  directory: Pick<DirectoryRepository, 'byIds'>;
}

/** A case's consult groups as the console shows them, under the case's canonical code. */
export interface CaseGroups {
  caseCode: string;
  groups: Array<CaseGroupRow & { boundByName: string | null }>;
}

/** The consult groups bound to a case. Unknown case → case.not_found. */
export async function caseGroups(deps: CaseGroupDeps, caseCode: string): Promise<CaseGroups> {
  const rows = await deps.caseAdmin.groups(caseCode);
  const names = await peopleNames(deps, rows.map((g) => g.boundBy));
  const groups = rows.map((g) => ({ ...g, boundByName: names.get(g.boundBy) ?? null }));
  return { caseCode: (await deps.cases.findCase(caseCode)).code, groups };
}

/** An admin binds a DingTalk group to a case (audited by the domain); the case's groups after it. */
export async function bindCaseGroup(deps: CaseGroupDeps, adminId: string, caseCode: string, conversationId: string): Promise<CaseGroups> {
  await deps.caseAdmin.bindGroup(adminId, caseCode, conversationId);
  return caseGroups(deps, caseCode);
}

/**
 * An admin unbinds a group from a case (audited by the domain; the roles that came with the group
 * end); the case's groups after it and how many roles ended.
 */
export async function unbindCaseGroup(
  deps: CaseGroupDeps,
  adminId: string,
  caseCode: string,
  conversationId: string,
): Promise<CaseGroups & { rolesEnded: number }> {
  const rolesEnded = await deps.caseAdmin.unbindGroup(adminId, caseCode, conversationId);
  return { ...(await caseGroups(deps, caseCode)), rolesEnded };
}
