import type { CaseOpenService } from '../../domain/cases/case-open-service.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { Actor } from '../../domain/directory/directory-service.js';
import { isDomainError } from '../../shared/errors.js';

/** A group's case lookup and the case-open service, as opening and binding from chat use them. */
export interface CaseOpenDeps {
  open: Pick<CaseOpenService, 'startCaseOpen' | 'bindExistingCase'>;
  queries: Pick<CaseQueries, 'caseForConversation'>;
}

/** The group already belongs to a case (its members may know the code). */
export interface GroupTaken {
  kind: 'group_taken';
  caseCode: string;
}

export type CaseOpenStarted = { kind: 'form'; intentId: string; expiresAt: number } | GroupTaken;
export type CaseBound = { kind: 'bound' | 'already_linked'; caseCode: string } | GroupTaken;

/**
 * A `conflict` from opening or binding usually means the group already has a case: which one, or
 * (another conflict, e.g. a closed case) the error itself.
 */
async function groupTaken(deps: CaseOpenDeps, conversationId: string, e: unknown): Promise<GroupTaken> {
  const bound = isDomainError(e) && e.code === 'conflict' ? await deps.queries.caseForConversation(conversationId) : undefined;
  if (!bound) throw e;
  return { kind: 'group_taken', caseCode: bound.code };
}

/**
 * Opening a case from a consult group: a verified doctor gets a one-time case-open form (its link
 * intent id); the patient's identity is typed into that form, never into chat. The service audits
 * the start, refused or not. Throws `actor.*` codes; a group already bound answers `group_taken`.
 */
export async function startCaseOpen(deps: CaseOpenDeps, actor: Actor, conversationId: string): Promise<CaseOpenStarted> {
  try {
    const { intentId, expiresAt } = await deps.open.startCaseOpen(actor, conversationId);
    return { kind: 'form', intentId, expiresAt };
  } catch (e) {
    return groupTaken(deps, conversationId, e);
  }
}

/**
 * Links an existing case to a group: the attending, or the doctor whose case-open form just found
 * that case. `already_linked` when this group is that case's already; `group_taken` when another
 * case holds the group. Throws `case.not_found`, `access.denied`.
 */
export async function bindCaseToGroup(deps: CaseOpenDeps, actor: Actor, caseCode: string, conversationId: string): Promise<CaseBound> {
  try {
    const { bound, caseCode: code } = await deps.open.bindExistingCase(actor, caseCode, conversationId);
    return { kind: bound ? 'bound' : 'already_linked', caseCode: code };
  } catch (e) {
    return groupTaken(deps, conversationId, e);
  }
}
