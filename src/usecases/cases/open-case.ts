import type { CaseForm } from '../../domain/cases/case-form.js';
import type { CaseOpenService } from '../../domain/cases/case-open-service.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
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

/** What chat hears when a case-open form is submitted (the bot sends these). */
export interface CaseOpenNotices {
  /** The case was opened: the group the link came from hears it. */
  caseOpened(openConversationId: string, caseCode: string, opener: ClinicianRow): Promise<void>;
  /** The patient already has an open case: the opener alone is told. */
  existingCase(opener: ClinicianRow, caseCode: string, linkId: string): Promise<void>;
}

export interface CaseOpenSubmitted {
  caseCode: string;
  /** False: the patient already had an open case, and `caseCode` is that case. */
  created: boolean;
}

/**
 * Opening a case, second half: the form behind the link `startCaseOpen` sent is submitted from the
 * mini-app. The case service validates, spends the link and writes patient, case, binding, attending
 * role and consents; then the group hears the new case, or the opener alone hears which case the
 * patient already has. `link` is the row the caller already checked belongs to `ref` and to the
 * signed-in clinician.
 */
export async function submitCaseOpen(
  deps: { open: Pick<CaseOpenService, 'submitCaseForm'>; directory: Pick<DirectoryRepository, 'findById'>; notices: CaseOpenNotices },
  ref: LinkRef,
  link: LinkTokenRow,
  body: CaseForm,
): Promise<CaseOpenSubmitted> {
  const res = await deps.open.submitCaseForm(ref, link.clinicianId, body);
  const opener = (await deps.directory.findById(link.clinicianId))!;
  if (res.created) await deps.notices.caseOpened(link.conversationId!, res.caseCode, opener);
  else await deps.notices.existingCase(opener, res.existing, link.tokenHash);
  return res.created ? { caseCode: res.caseCode, created: true } : { caseCode: res.existing, created: false };
}
