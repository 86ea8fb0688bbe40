import { z } from 'zod';
import type { ReferralSeverity } from '../contract/referrals.js';

const minutes = (dflt: number) => z.coerce.number().int().min(1).max(7 * 24 * 60).default(dflt);
const flag = (dflt: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .default(dflt ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** The referral settings of the env schema (spread into config.ts's envSchema); README "Referrals". */
export const referralEnvShape = {
  /** Institution codes tried in order when a referral names none (e.g. `QMH,PWH`). */
  REFERRAL_FALLBACK_INSTITUTIONS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((c) => c.trim()).filter((c) => c !== ''))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'institution codes, comma-separated'))),
  /** How long an assignee has to accept before the referral goes to the next on call. */
  REFERRAL_WINDOW_EMERGENCY_MINUTES: minutes(5),
  REFERRAL_WINDOW_URGENT_MINUTES: minutes(30),
  REFERRAL_WINDOW_ROUTINE_MINUTES: minutes(240),
  /** The consult grant an accepted referral gives, in hours. */
  REFERRAL_GRANT_HOURS: z.coerce.number().int().min(1).max(14 * 24).default(72),
  /** DING each new assignee of an emergency referral (on top of the 1:1 card). */
  REFERRAL_DING_EMERGENCY: flag(true),
};

export interface ReferralConfig {
  /** Institution codes tried in order when a referral names none. */
  fallbackInstitutions: readonly string[];
  windowMs: Readonly<Record<ReferralSeverity, number>>;
  grantMinutes: number;
  dingEmergency: boolean;
}

type ReferralEnv = z.output<z.ZodObject<typeof referralEnvShape>>;

export function referralConfig(e: ReferralEnv): ReferralConfig {
  return {
    fallbackInstitutions: e.REFERRAL_FALLBACK_INSTITUTIONS.map((c) => c.toUpperCase()),
    windowMs: {
      emergency: e.REFERRAL_WINDOW_EMERGENCY_MINUTES * 60_000,
      urgent: e.REFERRAL_WINDOW_URGENT_MINUTES * 60_000,
      routine: e.REFERRAL_WINDOW_ROUTINE_MINUTES * 60_000,
    },
    grantMinutes: e.REFERRAL_GRANT_HOURS * 60,
    dingEmergency: e.REFERRAL_DING_EMERGENCY,
  };
}
