import { specialtyName } from '../../shared/specialties.js';
import type { Lang } from '../../shared/lang.js';
import type { ClinicianRow, DirectoryRepository, InstitutionRow } from './directory-repository.js';
import type { Actor } from './directory-service.js';

const ROLE_NAMES: Record<string, { en: string; zh: string }> = {
  doctor: { en: 'doctor', zh: '醫生' },
  nurse: { en: 'nurse', zh: '護士' },
  pharmacist: { en: 'pharmacist', zh: '藥劑師' },
  admin: { en: 'admin', zh: '管理員' },
  privacy_officer: { en: 'privacy officer', zh: '私隱主任' },
  auditor: { en: 'auditor', zh: '審計員' },
};

const UNKNOWN_PERSON: Record<Lang, string> = { en: '(unknown user)', zh: '（未知用戶）' };

export function roleName(role: string | null | undefined, lang: Lang): string | undefined {
  return role ? (ROLE_NAMES[role]?.[lang] ?? role) : undefined;
}

/** "陳大文 Dr CHAN Tai-man": both names when both are known, else what DingTalk gave us. */
export function clinicianName(c: Actor['clinician']): string {
  const parts = [c.nameZh, c.nameEn].filter(Boolean);
  return parts.length ? parts.join(' ') : c.displayName;
}

/** Name · title or role, specialty · institution — how a clinician appears everywhere (chat, app, cards). */
export function clinicianLine(actor: Actor, lang: Lang): string {
  const c = actor.clinician;
  const inst = actor.institutionName ? (lang === 'zh' ? actor.institutionName.zh ?? actor.institutionName.en : actor.institutionName.en) : undefined;
  const job = c.title ?? [roleName(c.role, lang), c.specialty ? specialtyName(c.specialty, lang) : undefined].filter(Boolean).join(', ');
  return [clinicianName(c), job || undefined, inst ?? c.department ?? undefined].filter(Boolean).join(' · ');
}

/** "林嘉明 Dr LAM Ka-ming · Associate Consultant, Cardiology · Queen Mary Hospital" for any clinician id. */
export async function personLine(
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>,
  clinician: ClinicianRow | string | undefined,
  lang: Lang,
): Promise<string> {
  const c = typeof clinician === 'string' ? await directory.findById(clinician) : clinician;
  if (!c) return UNKNOWN_PERSON[lang];
  return lineOf(c, c.institutionId ? await directory.institution(c.institutionId) : undefined, lang);
}

function lineOf(c: ClinicianRow, inst: InstitutionRow | undefined, lang: Lang): string {
  return clinicianLine(
    { clinician: c, institutionName: inst ? { en: inst.nameEn, zh: inst.nameZh } : undefined, trusted: c.verified && !c.suspended },
    lang,
  );
}
