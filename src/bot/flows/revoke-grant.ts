import { revokeGrant, revokeGrantsOf, type RevokeGrantDeps, type Revoked } from '../../usecases/grants/revoke-grant.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CommandDeps } from '../commands/deps.js';
import { say, type Lang } from '../i18n.js';
import { personLine } from '../people.js';
import { GRANT_TEXTS as T } from '../texts/grant-texts.js';
import { createGrantNotices } from './grant-notices.js';

export type RevokeByCardDeps = Pick<CommandDeps, 'grants' | 'cases' | 'casesRepo' | 'approvals' | 'directoryRepo' | 'audit' | 'clock' | 'notify'>;

function useCaseDeps(deps: RevokeByCardDeps): RevokeGrantDeps {
  return { grants: deps.grants, cases: deps.cases.queries, casesRepo: deps.casesRepo, approvals: deps.approvals, directory: deps.directoryRepo, audit: deps.audit, clock: deps.clock, notices: createGrantNotices(deps) };
}

async function revokedText(deps: RevokeByCardDeps, r: Revoked, lang: Lang): Promise<string> {
  return say(lang, T.revoked, await personLine(deps.directoryRepo, r.grantee, lang), r.caseCode, r.ended);
}

/** The decided card's [Revoke]: ends that grant; the reply says whose access ended. */
export async function revokeByCard(deps: RevokeByCardDeps, me: ClinicianRow, grantId: string, lang: Lang): Promise<string> {
  return revokedText(deps, await revokeGrant(useCaseDeps(deps), me, grantId), lang);
}

/** `revoke C-… @Dr X`: ends every live grant of the colleague on the case that I may end. */
export async function revokeByName(deps: RevokeByCardDeps, me: ClinicianRow, caseId: string, granteeId: string, lang: Lang): Promise<string> {
  return revokedText(deps, await revokeGrantsOf(useCaseDeps(deps), me, caseId, granteeId), lang);
}
