import { specialtyName } from '../../shared/specialties.js';
import { hkDateTime } from '../../shared/hk-time.js';
import type { TeamMemberView } from '../../domain/cases/case-queries.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import type { ClinicianRow, InstitutionRow } from '../../domain/directory/directory-repository.js';
import type { DocumentRow } from '../../domain/sharing/document-repository.js';
import { clinicianName, roleName } from '../format.js';
import { say, type Lang, type Localised } from '../i18n.js';
import { COMMON_TEXTS as C } from '../texts/common-texts.js';

/**
 * Wording shared by the case commands and the form routes. Everything here is built from case
 * codes, directory entries and dates: nothing about the patient can reach these strings.
 */
export const CARE_ROLE_NAMES: Record<CareRole, Localised> = {
  attending: { en: 'attending', zh: '主診' },
  consulting: { en: 'consulting', zh: '會診' },
  referring: { en: 'referring', zh: '轉介' },
  observer: { en: 'observer', zh: '觀察' },
};

export function careRoleName(role: CareRole, lang: Lang): string {
  return CARE_ROLE_NAMES[role][lang];
}

/** The clinician's saved language, English when none. */
export function langOf(c: Pick<ClinicianRow, 'language'>): Lang {
  return c.language ?? 'en';
}

/** "林嘉明 Dr LAM Ka-ming · Cardiology · QMH": name, specialty (or role), institution code. */
export function clinicianShort(c: ClinicianRow, institution: InstitutionRow | undefined, lang: Lang): string {
  const inst = institution?.code;
  return [clinicianName(c), (c.specialty ? specialtyName(c.specialty, lang) : roleName(c.role, lang)), inst ?? c.department].filter(Boolean).join(' · ');
}

function badge(m: Pick<TeamMemberView, 'verified' | 'suspended'>, lang: Lang): string {
  if (m.suspended) return say(lang, C.suspendedBadge);
  if (m.verified) return '✔';
  return say(lang, C.unverifiedBadge);
}

/** One care-team line: name · care role · specialty · institution · badge. */
export function teamLine(m: TeamMemberView, lang: Lang): string {
  const name = [m.nameZh, m.nameEn].filter(Boolean).join(' ');
  const inst = lang === 'zh' ? (m.institutionCode ?? m.institutionName) : (m.institutionName ?? m.institutionCode);
  const parts = [name, `**${careRoleName(m.careRole, lang)}**`, m.specialty ? specialtyName(m.specialty, lang) : undefined, inst].filter(Boolean);
  return `- ${parts.join(' · ')} ${badge(m, lang)}`;
}

/** A date and time in Hong Kong, labelled: YYYY-MM-DD HH:mm HKT (the shared formatter). */
export const hkTime = hkDateTime;

const KIND_NAMES: Record<DocumentRow['kind'], Localised> = {
  report: { en: '📄 report', zh: '📄 報告' },
  ephemeral: { en: '🔥 burn-after-reading', zh: '🔥 閱後即焚' },
};

/** A document as chat may show it: kind, date, short id; never a title or file name (there is none). */
export function documentLine(d: DocumentRow, lang: Lang): string {
  const gone = d.status === 'destroyed' ? say(lang, C.destroyedSuffix) : '';
  return `- ${KIND_NAMES[d.kind][lang]} · ${hkTime(d.createdAt)} · \`${d.id.slice(0, 8)}\`${gone}`;
}

/** Replies used by more than one command. */
export const TEXT = {
  groupOnly: {
    en: 'Please use this in the consult group of the case, not 1:1.',
    zh: '請在該個案的會診群組中使用此指令，而不是私訊。',
  },
  formSent: {
    en: 'I’ve sent you a form 1:1.',
    zh: '我已私訊你一份表格。',
  },
  linkValid: { en: 'link valid 10 min, one use, only for you', zh: '連結 10 分鐘內有效，只可使用一次，只限你本人' },
} satisfies Record<string, Localised>;

/** A markdown link line for a one-time form sent 1:1. */
export function formLink(label: Localised, url: string, lang: Lang): string {
  return `[${label[lang]}](${url}) (${TEXT.linkValid[lang]})`;
}
