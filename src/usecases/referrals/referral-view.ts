import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { OPEN_STATUSES, type ReferralRepository, type ReferralRow } from '../../domain/referrals/referral-repository.js';
import { DomainError } from '../../shared/errors.js';
import { pageAcrossRuns, type RunsPage } from '../paging/run-pages.js';
import { markReferralSeen, type RespondReferralDeps } from './respond-referral.js';

export interface ReferralReadDeps {
  repo: Pick<ReferralRepository, 'find' | 'pageForCase'>;
  cases: Pick<CaseQueries, 'findCase' | 'teamRoleNow'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  respond: RespondReferralDeps;
}

/** A referral as one viewer may see it: the sealed reason only for its requester and assignee. */
export interface ReferralView {
  row: ReferralRow;
  caseCode: string;
  mayRespond: boolean;
  mayCancel: boolean;
}

const isOpen = (r: ReferralRow) => (OPEN_STATUSES as readonly string[]).includes(r.status);

function viewOf(me: ClinicianRow, r: ReferralRow, caseCode: string): ReferralView {
  const party = r.requesterId === me.id || r.assigneeId === me.id;
  return {
    row: party ? r : { ...r, reason: null },
    caseCode,
    mayRespond: isOpen(r) && r.assigneeId === me.id,
    mayCancel: (isOpen(r) || r.status === 'unrouted') && r.requesterId === me.id,
  };
}

/**
 * One referral for its requester, its assignee or the case's care team. The assignee's look marks it
 * seen (the requester's card says so). Anyone else: access.denied (as for an unknown id).
 */
export async function referralDetails(deps: ReferralReadDeps, me: ClinicianRow, id: string): Promise<ReferralView> {
  let r = await deps.repo.find(id);
  const onTeam = r ? (await deps.cases.teamRoleNow(r.caseId, me.id)) !== '' : false;
  if (!r || !(r.requesterId === me.id || r.assigneeId === me.id || onTeam)) throw new DomainError('access.denied');
  if (r.assigneeId === me.id && (await markReferralSeen(deps.respond, me.id, id))) r = (await deps.repo.find(id))!;
  return viewOf(me, r, (await deps.casesRepo.caseById(r.caseId))?.code ?? '');
}

/** A keyset page of a case's referrals, newest first, for its care team (the case screen's live list). */
export async function caseReferrals(deps: ReferralReadDeps, me: ClinicianRow, caseCode: string, input: { cursor?: string; limit?: number } = {}): Promise<RunsPage<ReferralView>> {
  let caseRow;
  try {
    caseRow = await deps.cases.findCase(caseCode);
  } catch {
    throw new DomainError('access.denied');
  }
  if ((await deps.cases.teamRoleNow(caseRow.id, me.id)) === '') throw new DomainError('access.denied');
  const page = await pageAcrossRuns(['all'], input, (_run, p) => deps.repo.pageForCase(caseRow.id, p), (r) => ({ at: r.sentAt, id: r.id }));
  return { items: page.items.map((r) => viewOf(me, r, caseRow.code)), nextCursor: page.nextCursor };
}
