import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';

/**
 * Names for the ids a console screen shows (audit actors and targets, who bound a group, who
 * decided): "陳大文 Dr CHAN Tai-man", so no screen shows a person as a UUID. Ids that are not
 * clinicians (documents, cases, `system`) are left out of the map.
 */
export async function peopleNames(deps: { directory: Pick<DirectoryRepository, 'findById'> }, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!id || names.has(id)) continue;
    const c = await deps.directory.findById(id);
    if (c) names.set(id, clinicianName(c));
  }
  return names;
}
