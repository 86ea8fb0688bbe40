/**
 * How long an approved access grant runs: the approver picks one of these on the approval card or in
 * the mini-app; each purpose of use has a configured default (src/domain/sharing/sharing-settings.ts).
 * Plain values (no zod), so the mini-app may import them as well as the server.
 */
const HOUR = 3_600_000;

export const GRANT_DURATIONS = {
  '4h': { ms: 4 * HOUR, en: '4 hours', zh: '4 小時' },
  '24h': { ms: 24 * HOUR, en: '24 hours', zh: '24 小時' },
  '72h': { ms: 72 * HOUR, en: '72 hours', zh: '72 小時' },
  '7d': { ms: 7 * 24 * HOUR, en: '7 days', zh: '7 日' },
} as const satisfies Record<string, { ms: number; en: string; zh: string }>;

export type GrantDuration = keyof typeof GRANT_DURATIONS;

export const GRANT_DURATION_CODES = Object.keys(GRANT_DURATIONS) as [GrantDuration, ...GrantDuration[]];

export function isGrantDuration(code: unknown): code is GrantDuration {
  return typeof code === 'string' && Object.hasOwn(GRANT_DURATIONS, code);
}

/** The choice whose length is `ms`, if one is. */
export function durationOfMs(ms: number): GrantDuration | undefined {
  return GRANT_DURATION_CODES.find((c) => GRANT_DURATIONS[c].ms === ms);
}
