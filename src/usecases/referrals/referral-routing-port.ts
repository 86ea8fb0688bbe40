import type { ReferralConfig } from '../../config/referral-config.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { ReferralRepository } from '../../domain/referrals/referral-repository.js';
import { candidatesOf, firstEligibleTier, routeReferral, tierOrder, type InstitutionOnCall, type RoutingChoice } from '../../domain/referrals/referral-routing.js';
import type { OnCallPort } from '../../domain/rosters/on-call.js';

export interface RoutingDeps {
  onCall: OnCallPort;
  repo: Pick<ReferralRepository, 'openCounts'>;
  directory: Pick<DirectoryRepository, 'institutionByCode'>;
  settings: Pick<ReferralConfig, 'fallbackInstitutions'>;
}

/** The institution ids to try, in order: the one named, or the fallback codes that exist. */
export async function institutionsToTry(deps: RoutingDeps, institutionId: string | null): Promise<string[]> {
  if (institutionId) return [institutionId];
  const ids: string[] = [];
  for (const code of deps.settings.fallbackInstitutions) {
    const row = await deps.directory.institutionByCode(code);
    if (row && !ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

/** Who is on call for the specialty at each institution now. */
async function onCallAt(deps: RoutingDeps, institutionIds: readonly string[], specialty: string, at: number): Promise<InstitutionOnCall[]> {
  const out: InstitutionOnCall[] = [];
  for (const institutionId of institutionIds) out.push({ institutionId, onCall: await deps.onCall.onCallAt({ institutionId, specialty, at }) });
  return out;
}

/** The assignee of a new referral (pure decision over the rosters and the open loads). */
export async function chooseAssignee(deps: RoutingDeps, q: { institutionId: string | null; specialty: string; requesterId: string | null; at: number }): Promise<RoutingChoice | null> {
  const institutions = await onCallAt(deps, await institutionsToTry(deps, q.institutionId), q.specialty, q.at);
  return routeReferral(institutions, await deps.repo.openCounts(firstEligibleTier(institutions, q.requesterId)), q.requesterId);
}

/** Who an unaccepted referral goes to next, in order: the tiers by load at its institution, then the escalation contact. */
export async function nextInLine(deps: RoutingDeps, q: { institutionId: string; specialty: string; requesterId: string | null; at: number }): Promise<string[]> {
  const [inst] = await onCallAt(deps, [q.institutionId], q.specialty, q.at);
  const load = await deps.repo.openCounts(candidatesOf([inst!]));
  return tierOrder(inst!.onCall, load, new Set(q.requesterId ? [q.requesterId] : [])).map((c) => c.id);
}
