import type { Actor } from '../domain/directory/directory-service.js';
import type { Lang } from './i18n.js';

const ROLE_NAMES: Record<string, { en: string; zh: string }> = {
  doctor: { en: 'doctor', zh: '醫生' },
  nurse: { en: 'nurse', zh: '護士' },
  pharmacist: { en: 'pharmacist', zh: '藥劑師' },
  admin: { en: 'admin', zh: '管理員' },
  privacy_officer: { en: 'privacy officer', zh: '私隱主任' },
  auditor: { en: 'auditor', zh: '審計員' },
};

export function roleName(role: string | null | undefined, lang: Lang): string | undefined {
  return role ? (ROLE_NAMES[role]?.[lang] ?? role) : undefined;
}

/** "陳大文 Dr CHAN Tai-man": both names when both are known, else what DingTalk gave us. */
export function clinicianName(c: Actor['clinician']): string {
  const parts = [c.nameZh, c.nameEn].filter(Boolean);
  return parts.length ? parts.join(' ') : c.displayName;
}

/** Name · title or role, specialty · institution — how a clinician appears everywhere in chat. */
export function clinicianLine(actor: Actor, lang: Lang): string {
  const c = actor.clinician;
  const inst = actor.institutionName ? (lang === 'zh' ? actor.institutionName.zh ?? actor.institutionName.en : actor.institutionName.en) : undefined;
  const job = c.title ?? [roleName(c.role, lang), c.specialty].filter(Boolean).join(', ');
  return [clinicianName(c), job || undefined, inst ?? c.department ?? undefined].filter(Boolean).join(' · ');
}

/** A date as shown to Hong Kong users: YYYY-MM-DD in HK time. */
export function hkDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Date and time as shown to Hong Kong users: YYYY-MM-DD HH:mm in HK time. */
export function hkDateTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
