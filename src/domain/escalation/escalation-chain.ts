import type { ClinicianRow, DirectoryRepository } from '../directory/directory-repository.js';

/**
 * Who is asked next when a recipient does not open an urgent item. Each named link yields colleagues
 * in a stable order; the chain is the links in configured order, duplicates dropped. Only verified,
 * unsuspended clinicians are ever chosen: an escalation must reach someone the service trusts.
 */
export type ChainLink = 'same_specialty' | 'case_attending';

export type ColleagueFinder = (ctx: { recipientId: string; caseId: string }) => Promise<string[]>;

const trusted = (c: ClinicianRow | undefined): c is ClinicianRow => !!c && c.verified && !c.suspended;

export function createEscalationChain(deps: {
  directory: Pick<DirectoryRepository, 'findById' | 'list'>;
  attendingsOf: (caseId: string) => Promise<string[]>;
  links: readonly ChainLink[];
}): ColleagueFinder {
  const byLink: Record<ChainLink, ColleagueFinder> = {
    // Another clinician of the recipient's specialty at the recipient's institution (directory order).
    same_specialty: async ({ recipientId }) => {
      const r = deps.directory.findById(recipientId);
      const specialty = r?.specialty?.trim().toLowerCase();
      if (!r?.institutionId || !specialty) return [];
      return deps.directory
        .list()
        .filter((c) => trusted(c) && c.id !== r.id && c.institutionId === r.institutionId && c.specialty?.trim().toLowerCase() === specialty)
        .map((c) => c.id);
    },
    case_attending: async ({ caseId, recipientId }) =>
      (await deps.attendingsOf(caseId)).filter((id) => id !== recipientId && trusted(deps.directory.findById(id))),
  };
  return async (ctx) => {
    const found: string[] = [];
    for (const link of deps.links) found.push(...(await byLink[link](ctx)));
    return [...new Set(found)];
  };
}
