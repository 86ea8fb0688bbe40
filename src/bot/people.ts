import type { ClinicianRow, DirectoryRepository } from '../domain/directory/directory-repository.js';
import { clinicianLine } from './format.js';
import { say, type Lang } from './i18n.js';
import { COMMON_TEXTS as T } from './texts/common-texts.js';

/** "林嘉明 Dr LAM Ka-ming · Associate Consultant, Cardiology · Queen Mary Hospital" for any clinician id. */
export function personLine(directory: DirectoryRepository, clinician: ClinicianRow | string | undefined, lang: Lang): string {
  const c = typeof clinician === 'string' ? directory.findById(clinician) : clinician;
  if (!c) return say(lang, T.unknownPerson);
  const inst = c.institutionId ? directory.institution(c.institutionId) : undefined;
  return clinicianLine(
    { clinician: c, institutionName: inst ? { en: inst.nameEn, zh: inst.nameZh } : undefined, trusted: c.verified && !c.suspended },
    lang,
  );
}

export { langOf } from '../shared/lang.js';
