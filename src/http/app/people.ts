import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { PersonDto } from '../../contract/doctor.js';
import { FORM_AUTHOR } from '../../usecases/forms/form-record.js';

/** A clinician as the doctor screens show them (name, role, institution, verification), by id. */
export async function personOf(dir: Pick<DirectoryRepository, 'findById' | 'institution'>, id: string): Promise<PersonDto> {
  const c = await dir.findById(id);
  // A Yida form filed without an approver was written by the form's submitter in DingTalk, not by a user here.
  if (!c && id === FORM_AUTHOR) return { id, nameEn: 'Yida form', nameZh: '宜搭表單', role: null, specialty: null, institutionCode: null, institutionName: null, verified: false };
  if (!c) return { id, nameEn: '—', nameZh: null, role: null, specialty: null, institutionCode: null, institutionName: null, verified: false };
  const inst = c.institutionId ? await dir.institution(c.institutionId) : undefined;
  return {
    id: c.id,
    nameEn: c.nameEn ?? c.displayName,
    nameZh: c.nameZh,
    role: c.role,
    specialty: c.specialty,
    institutionCode: inst?.code ?? null,
    institutionName: inst?.nameEn ?? null,
    verified: c.verified && !c.suspended,
  };
}

/** personOf with each id looked up once: for a screen that names the same people many times. */
export function peopleOf(dir: Pick<DirectoryRepository, 'findById' | 'institution'>): (id: string) => Promise<PersonDto> {
  const seen = new Map<string, Promise<PersonDto>>();
  return (id) => {
    let p = seen.get(id);
    if (!p) seen.set(id, (p = personOf(dir, id)));
    return p;
  };
}
