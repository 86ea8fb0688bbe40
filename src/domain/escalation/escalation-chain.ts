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
  directory: Pick<DirectoryRepository, 'findById' | 'inSpecialty'>;
  attendingsOf: (caseId: string) => Promise<string[]>;
  links: readonly ChainLink[];
}): ColleagueFinder {
  const byLink: Record<ChainLink, ColleagueFinder> = {
    // Another clinician of the recipient's specialty at the recipient's institution (in name order; clinicians_specialty_idx).
    same_specialty: async ({ recipientId }) => {
      const r = await deps.directory.findById(recipientId);
      if (!r?.institutionId || !r.specialty?.trim()) return [];
      return (await deps.directory.inSpecialty(r.institutionId, r.specialty)).filter((c) => trusted(c) && c.id !== r.id).map((c) => c.id);
    },
    case_attending: async ({ caseId, recipientId }) => {
      const out: string[] = [];
      for (const id of await deps.attendingsOf(caseId)) if (id !== recipientId && trusted(await deps.directory.findById(id))) out.push(id);
      return out;
    },
  };
  return async (ctx) => {
    const found: string[] = [];
    for (const link of deps.links) found.push(...(await byLink[link](ctx)));
    return [...new Set(found)];
  };
}
