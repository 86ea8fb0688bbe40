/**
 * The signed-in clinician and the sandbox's demo users as the screens show them, read from the
 * service's answers (their types come from src/contract/auth.ts).
 */
import type { DemoUserDto, MeDto } from '../../../src/contract/auth.js';
import { specialtyName } from '../../../src/shared/specialties.js';

export interface Institution {
  code: string | null;
  nameEn: string | null;
  nameZh: string | null;
}

export interface Me {
  id: string;
  displayName: string;
  nameEn: string | null;
  nameZh: string | null;
  institution: Institution | null;
  role: string | null;
  specialty: string | null;
  registrationNo: string | null;
  verified: boolean;
  suspended: boolean;
  isAdmin: boolean;
}

export interface DemoUser {
  userId: string;
  displayName: string;
  nameEn: string | null;
  nameZh: string | null;
  institution: Institution | null;
  title: string | null;
  verified: boolean;
}

/** An empty string shows as a blank field, like a missing one. */
const str = (v: string | null | undefined): string | null => (v && v.trim() ? v : null);

export function readMe(me: MeDto): Me {
  return {
    id: me.id,
    displayName: str(me.displayName) ?? me.nameZh ?? me.nameEn ?? '',
    nameEn: str(me.nameEn),
    nameZh: str(me.nameZh),
    institution: me.institution,
    role: str(me.role),
    specialty: str(me.specialty),
    registrationNo: str(me.registrationNo),
    verified: me.verified,
    // The API reports `trusted` (verified and not suspended) rather than suspension itself.
    suspended: me.verified && !me.trusted,
    isAdmin: me.role === 'admin',
  };
}

export function readDemoUsers(answer: { users: DemoUserDto[] }): DemoUser[] {
  return answer.users
    .map((u) => ({
      userId: u.userId,
      displayName: str(u.dingtalkName) ?? str(u.nameZh) ?? str(u.nameEn) ?? '',
      nameEn: str(u.nameEn),
      nameZh: str(u.nameZh),
      institution: u.institution,
      title: str(u.title) ?? str(u.role),
      verified: u.verified,
    }))
    .filter((u) => u.userId);
}

/** The name to show in the chosen language, falling back to what DingTalk calls the person. */
export function nameIn(lang: 'zh-HK' | 'en', p: { displayName: string; nameEn: string | null; nameZh: string | null }): string {
  return (lang === 'zh-HK' ? p.nameZh ?? p.nameEn : p.nameEn ?? p.nameZh) ?? p.displayName;
}

export function institutionIn(lang: 'zh-HK' | 'en', i: Institution | null): string {
  if (!i) return '';
  return (lang === 'zh-HK' ? i.nameZh ?? i.nameEn : i.nameEn ?? i.nameZh) ?? i.code ?? '';
}

/** A specialty in the chosen language (the shared table, src/shared/specialties.ts); unknown ones as stored. */
export function specialtyIn(lang: 'zh-HK' | 'en', specialty: string): string {
  return specialtyName(specialty, lang === 'zh-HK' ? 'zh' : 'en');
}
