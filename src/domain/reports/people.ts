import type { ClinicianRole } from '../directory/directory-tables.js';
import type { DirectoryRepository } from '../directory/directory-repository.js';

/** A clinician as reports name them: who, in what role, from where. Unknown ids keep their id. */
export interface PersonRef {
  id: string;
  name: string;
  role: ClinicianRole | null;
  institution: string | null;
}

/** A memoised id → PersonRef lookup for one report (the same few people appear many times). */
export function describePeople(directory: Pick<DirectoryRepository, 'findById' | 'institution'>): (id: string) => Promise<PersonRef> {
  const seen = new Map<string, Promise<PersonRef>>();
  const load = async (id: string): Promise<PersonRef> => {
    const c = await directory.findById(id);
    const inst = c?.institutionId ? await directory.institution(c.institutionId) : undefined;
    return c
      ? { id, name: c.nameEn ?? c.nameZh ?? c.displayName, role: c.role, institution: inst?.code ?? null }
      : { id, name: id, role: null, institution: null };
  };
  return (id) => {
    let p = seen.get(id);
    if (!p) {
      p = load(id);
      seen.set(id, p);
    }
    return p;
  };
}
