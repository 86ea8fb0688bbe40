import { PURPOSE_OF_USE, type PurposeOfUse } from '../../../../src/contract/purpose-of-use.js';
import { REFERRAL_DECLINE_REASONS, REFERRAL_SEVERITIES, type ReferralDeclineReason, type ReferralSeverity } from '../../../../src/contract/referrals.js';
import { SPECIALTIES, type Specialty } from '../../../../src/contract/specialties.js';

/** Closed code lists in the reader's language (plain data from src/contract, bundled). */
type Lang = 'en' | 'zh-HK';
const side = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');

export const specialtyWord = (lang: Lang, code: string) => (Object.hasOwn(SPECIALTIES, code) ? SPECIALTIES[code as Specialty][side(lang)] : code);
export const severityWord = (lang: Lang, code: ReferralSeverity) => REFERRAL_SEVERITIES[code][side(lang)];
export const purposeWord = (lang: Lang, code: string) => (Object.hasOwn(PURPOSE_OF_USE, code) ? PURPOSE_OF_USE[code as PurposeOfUse][side(lang)] : code);
export const declineWord = (lang: Lang, code: ReferralDeclineReason) => REFERRAL_DECLINE_REASONS[code][side(lang)];

export const SPECIALTY_OPTIONS = Object.keys(SPECIALTIES) as Specialty[];
export const SEVERITY_OPTIONS = Object.keys(REFERRAL_SEVERITIES) as ReferralSeverity[];
export const PURPOSE_OPTIONS = Object.keys(PURPOSE_OF_USE) as PurposeOfUse[];
export const DECLINE_OPTIONS = Object.keys(REFERRAL_DECLINE_REASONS) as ReferralDeclineReason[];
export const STATUS_COLOR = { sent: 'primary', seen: 'primary', escalated: 'warning', unrouted: 'danger', accepted: 'success', declined: 'danger', cancelled: 'default' } as const;
