import type { LiveGrantDto } from '../../../src/contract/admin-grants.js';
import { PURPOSE_OF_USE } from '../../../src/contract/purpose-of-use.js';
import { REFERRAL_SEVERITIES, type ReferralSeverity } from '../../../src/contract/referrals.js';
import { SPECIALTIES, type Specialty } from '../../../src/contract/specialties.js';
import type { PersonDto } from './admin-types.js';

/** A person as the oversight tables show them: name, then institution code. */
export const person = (p: PersonDto | null) => (p ? `${p.name}${p.institution ? ` · ${p.institution}` : ''}` : '—');

/** A purpose-of-use code in words (the closed list; pure data, bundled); an unknown code as sent. */
export const purposeWords = (code: string, l: 'en' | 'zh') => (PURPOSE_OF_USE as Record<string, { en: string; zh: string } | undefined>)[code]?.[l] ?? code;

const CONSULT_WORDS = {
  referral: { en: 'Consult referral', zh: '會診轉介' },
  mdt: { en: 'MDT consult', zh: '多專科會議會診' },
} as const;

/**
 * A live grant's purpose in words: a consult grant says where it came from — "Consult referral
 * (Cardiology, Urgent) · Second opinion", or "MDT consult" — any other grant its purpose code in words.
 */
export function grantPurposeWords(g: Pick<LiveGrantDto, 'purpose' | 'consult'>, l: 'en' | 'zh'): string {
  const c = g.consult;
  if (!c) return purposeWords(g.purpose, l);
  if (c.source === 'mdt') return CONSULT_WORDS.mdt[l];
  const specialty = Object.hasOwn(SPECIALTIES, c.specialty) ? SPECIALTIES[c.specialty as Specialty][l] : c.specialty;
  const severity = Object.hasOwn(REFERRAL_SEVERITIES, c.severity) ? REFERRAL_SEVERITIES[c.severity as ReferralSeverity][l] : c.severity;
  return `${CONSULT_WORDS.referral[l]} (${specialty}${l === 'zh' ? '，' : ', '}${severity}) · ${purposeWords(g.purpose, l)}`;
}
