import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';

/**
 * Names for the ids a console screen shows (audit actors and targets, who bound a group, who
 * decided): "陳大文 Dr CHAN Tai-man", so no screen shows a person as a UUID. Ids that are not
 * clinicians (documents, cases, `system`) are left out of the map.
 */
export async function peopleNames(deps: { directory: Pick<DirectoryRepository, 'byIds'> }, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  // One query for the page's people (was one lookup each: ~35 ms for 50 actors on PostgreSQL).
  const wanted = [...ids].filter((id): id is string => !!id);
  return new Map((await deps.directory.byIds(wanted)).map((c) => [c.id, clinicianName(c)]));
}
